package io.doorstep.drivers.gpio.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.drivers.gpio.codec.BitCollector.Line;
import io.doorstep.drivers.gpio.codec.WiegandException.Reason;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand26;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand34;
import org.junit.jupiter.api.Test;

/** Edges with the interface's timing, given as numbers: the collector never reads a clock. */
class BitCollectorTest {
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long PULSE = 50 * US;
  private static final long SPACING = 2 * MS;

  private final BitCollector collector = new BitCollector();
  private long now = 1_000 * MS;

  @Test
  void givenA26BitTrain_whenTheLinesGoQuietFor25Ms_thenTheCardComesOut() {
    Wiegand26 card = new Wiegand26(123, 45678);
    send(WiegandCodec.encode(card));

    assertNull(collector.endIfQuiet(now + 24 * MS), "a frame does not end before 25 ms of quiet");
    Collected result = collector.endIfQuiet(now + 25 * MS);

    assertEquals(card, assertInstanceOf(Collected.Card.class, result).frame());
    assertEquals(Long.MAX_VALUE, collector.deadline());
  }

  @Test
  void givenA34BitTrain_thenTheNumberComesOut() {
    send(WiegandCodec.encode(new Wiegand34(3_000_000_000L)));
    Collected.Card card = assertInstanceOf(Collected.Card.class, collector.endIfQuiet(now + 30 * MS));
    assertEquals("3000000000", card.frame().cardText());
  }

  @Test
  void givenTwoCardsBackToBack_thenBothComeOutSeparately() {
    send(WiegandCodec.encode(new Wiegand26(1, 1)));
    now += 30 * MS;
    assertInstanceOf(Collected.Card.class, collector.endIfQuiet(now));
    send(WiegandCodec.encode(new Wiegand26(2, 2)));
    Collected.Card second = assertInstanceOf(Collected.Card.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(new Wiegand26(2, 2), second.frame());
  }

  @Test
  void theDeadlineMovesWithEveryEdge() {
    pulse(Line.D1);
    long first = collector.deadline();
    now += SPACING;
    pulse(Line.D0);
    assertTrue(collector.deadline() > first);
    assertEquals(now + PULSE + BitCollector.DEFAULT_GAP_NANOS, collector.deadline());
  }

  @Test
  void givenAPulseLost_thenTheFrameIsDroppedForItsLength() {
    WiegandBits bits = WiegandCodec.encode(new Wiegand26(123, 45678));
    send(new WiegandBits(25, bits.value() >>> 1));
    Collected.Dropped dropped = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.BIT_COUNT, dropped.reason());
    assertEquals(25, dropped.bitCount());
  }

  @Test
  void givenAGlitchInsideAFrame_thenTheExtraBitMakesItNoCard() {
    WiegandBits bits = WiegandCodec.encode(new Wiegand26(123, 45678));
    for (int i = 1; i <= bits.count(); i++) {
      pulse(bits.bit(i) ? Line.D1 : Line.D0);
      if (i == 10) {
        // A 2 µs spike on D0 half-way between two bits.
        collector.level(Line.D0, true, now + MS);
        collector.level(Line.D0, false, now + MS + 2 * US);
      }
      now += SPACING;
    }
    Collected.Dropped dropped = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.BIT_COUNT, dropped.reason());
    assertEquals(27, dropped.bitCount());
  }

  @Test
  void givenBothLinesLowAtOnce_thenTheFrameIsNoiseEvenIfItsBitsWouldPass() {
    WiegandBits bits = WiegandCodec.encode(new Wiegand26(7, 7));
    for (int i = 1; i <= bits.count(); i++) {
      Line line = bits.bit(i) ? Line.D1 : Line.D0;
      if (i == 5) {
        // Crosstalk: the other line dips while this one is low; counted as a bit, and poisons the frame.
        collector.level(line, true, now);
        collector.level(other(line), true, now + 10 * US);
        collector.level(other(line), false, now + 20 * US);
        collector.level(line, false, now + PULSE);
      } else {
        pulse(line);
      }
      now += SPACING;
    }
    Collected.Dropped dropped = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.NOISE, dropped.reason());
  }

  @Test
  void givenALineStuckLow_thenNothingOnEitherLineBecomesACard() {
    collector.level(Line.D0, true, now);
    Collected.Dropped stuck = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.NOISE, stuck.reason());

    now += 100 * MS;
    send(WiegandCodec.encode(new Wiegand26(123, 45678)));
    Collected.Dropped whileStuck = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.NOISE, whileStuck.reason());

    // The wire is mended: the line comes up, which starts nothing, and cards read again.
    collector.level(Line.D0, false, now + 26 * MS);
    assertNull(collector.endIfQuiet(now + 60 * MS));
    now += 100 * MS;
    send(WiegandCodec.encode(new Wiegand26(123, 45678)));
    assertInstanceOf(Collected.Card.class, collector.endIfQuiet(now + 25 * MS));
  }

  @Test
  void givenALongBurstOfNoise_thenItIsOneDroppedFrameNotACard() {
    for (int i = 0; i < 200; i++) {
      pulse(i % 3 == 0 ? Line.D1 : Line.D0);
      now += 300 * US;
    }
    Collected.Dropped dropped = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 25 * MS));
    assertEquals(Reason.NOISE, dropped.reason());
    assertEquals(WiegandBits.MAX, dropped.bitCount());
  }

  @Test
  void aRepeatedLevelIsNotAnEdge() {
    collector.level(Line.D1, false, now);
    assertEquals(Long.MAX_VALUE, collector.deadline(), "a line coming up starts no frame");
    collector.level(Line.D1, true, now);
    collector.level(Line.D1, true, now + 10 * US);
    collector.level(Line.D1, false, now + PULSE);
    Collected.Dropped one = assertInstanceOf(Collected.Dropped.class, collector.endIfQuiet(now + 30 * MS));
    assertEquals(1, one.bitCount());
    assertEquals(Reason.BIT_COUNT, one.reason());
  }

  @Test
  void nothingEndsWhileNothingIsOpen() {
    assertNull(collector.endIfQuiet(now));
    assertNull(collector.endIfQuiet(Long.MAX_VALUE));
  }

  /** Sends the bits; {@code now} is then the last edge, where the quiet starts. */
  private void send(WiegandBits bits) {
    for (int i = 1; i <= bits.count(); i++) {
      pulse(bits.bit(i) ? Line.D1 : Line.D0);
      now += i < bits.count() ? SPACING : PULSE;
    }
  }

  private void pulse(Line line) {
    collector.level(line, true, now);
    collector.level(line, false, now + PULSE);
  }

  private static Line other(Line line) {
    return line == Line.D0 ? Line.D1 : Line.D0;
  }
}
