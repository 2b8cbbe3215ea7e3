package io.doorstep.drivers.gpio;

import io.doorstep.drivers.Waits;
import static io.doorstep.drivers.gpio.MockBooth.CONTACT_1;
import static io.doorstep.drivers.gpio.MockBooth.D0;
import static io.doorstep.drivers.gpio.MockBooth.D1;
import static io.doorstep.drivers.gpio.MockBooth.RELAY_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.AccessRequest;
import io.doorstep.device.CredentialMethod;
import io.doorstep.device.EventKinds;
import io.doorstep.drivers.gpio.codec.WiegandBits;
import io.doorstep.drivers.gpio.codec.WiegandCodec;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand26;
import io.doorstep.drivers.gpio.codec.WiegandFrame.Wiegand34;
import io.vertx.core.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoothCardReadTest {
  private final MockBooth booth = MockBooth.started();

  @AfterEach
  void close() {
    booth.close();
  }

  @Test
  void givenA26BitCard_whenTheGatewaySaysOpen_thenTheLockIsReleasedAndRelocked() {
    booth.listener.decide = r -> Future.succeededFuture(RecordingListener.open(r, 300));

    booth.card(WiegandCodec.encode(new Wiegand26(123, 45678)));

    Waits.until("the card is asked about", () -> booth.listener.requests.size() == 1);
    AccessRequest request = booth.listener.requests.get(0);
    assertEquals("reader-1", request.device());
    assertEquals(CredentialMethod.CARD, request.method());
    assertEquals("123:45678", request.card());
    assertEquals("in", request.direction());
    assertNull(request.personId(), "a reader matches nobody; the gateway looks the card up");
    Waits.until("the lock is released", () -> booth.high(RELAY_1));
    Waits.until("the lock engages again after the decision's 300 ms", () -> !booth.high(RELAY_1));
    assertEquals(1, booth.driver.stats().cards());
    assertEquals(0, booth.driver.stats().dropped());
  }

  @Test
  void givenA34BitCard_thenTheCardIsItsDecimalNumber() {
    booth.card(WiegandCodec.encode(new Wiegand34(3_735_928_559L)));

    Waits.until("the card is asked about", () -> booth.listener.requests.size() == 1);
    assertEquals("3735928559", booth.listener.requests.get(0).card());
  }

  @Test
  void givenARefusal_thenTheLockStaysEngaged() {
    booth.listener.decide = r -> Future.succeededFuture(RecordingListener.deny(r));

    booth.card(WiegandCodec.encode(new Wiegand26(9, 9)));

    Waits.until("the card is asked about", () -> booth.listener.requests.size() == 1);
    Waits.sleep(200);
    assertFalse(booth.high(RELAY_1));
  }

  @Test
  void givenNoAnswer_thenTheLockStaysEngagedAndTheFailureIsCounted() {
    booth.listener.decide = r -> Future.failedFuture(new TimeoutException("no answer in 700 ms"));

    booth.card(WiegandCodec.encode(new Wiegand26(9, 9)));

    Waits.until("the failure is counted", () -> booth.driver.stats().decideFailures() == 1);
    assertFalse(booth.high(RELAY_1));
  }

  @Test
  void givenBadFrames_thenEachIsCountedByReasonAndNoneIsAskedAbout() {
    WiegandBits good = WiegandCodec.encode(new Wiegand26(123, 45678));

    booth.card(new WiegandBits(26, good.value() ^ 1L << 7)); // one bit flipped on the wire
    Waits.sleep(MockBooth.BETWEEN_CARDS_MS);
    booth.card(new WiegandBits(25, good.value() >>> 1)); // one pulse lost
    Waits.sleep(MockBooth.BETWEEN_CARDS_MS);
    booth.card(WiegandCodec.encode(new Wiegand34(42)).append(true)); // an extra pulse
    Waits.sleep(MockBooth.BETWEEN_CARDS_MS);
    crosstalk(good);

    Waits.until("four frames dropped", () -> booth.driver.stats().dropped() == 4);
    GpioStats stats = booth.driver.stats();
    assertEquals(1, stats.droppedParity());
    assertEquals(2, stats.droppedBitCount());
    assertEquals(1, stats.droppedNoise());
    assertEquals(0, stats.cards());
    assertTrue(booth.listener.requests.isEmpty());
    // One bad-message event for the first; the rest are counted into the next report a minute on.
    assertEquals(1, booth.listener.events("reader-1", EventKinds.BAD_MESSAGE).size());
    assertEquals("WIEGAND_PARITY",
        booth.listener.events("reader-1", EventKinds.BAD_MESSAGE).get(0).payload().getString("reason"));

    // The reader still reads.
    booth.card(good);
    Waits.until("the good card is asked about", () -> booth.listener.requests.size() == 1);
  }

  @Test
  void givenCardsBackToBack_thenEveryOneIsRead() {
    for (int i = 0; i < 10; i++) {
      booth.card(WiegandCodec.encode(new Wiegand26(i, 1000 + i)));
      Waits.sleep(MockBooth.BETWEEN_CARDS_MS);
    }
    Waits.until("10 cards asked about", () -> booth.listener.requests.size() == 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(i + ":" + (1000 + i), booth.listener.requests.get(i).card());
    }
  }

  @Test
  void aCardReadOpensOnlyItsOwnDoorAndIsNotForced() {
    booth.listener.decide = r -> Future.succeededFuture(RecordingListener.open(r, 400));
    booth.card(WiegandCodec.encode(new Wiegand26(1, 2)));
    Waits.until("the lock is released", () -> booth.high(RELAY_1));

    booth.bounce(CONTACT_1, false);

    Waits.until("the door reports open", () -> !booth.listener.events("door-1", EventKinds.DOOR_STATE).isEmpty());
    assertFalse(booth.listener.events("door-1", EventKinds.DOOR_STATE).get(0).payload().getBoolean("forced"));
    assertTrue(booth.listener.alarms("door-1", "FORCED").isEmpty());
    assertFalse(booth.high(MockBooth.RELAY_2));
  }

  /** Both lines pulled low together half-way through a frame that would otherwise pass. */
  private void crosstalk(WiegandBits bits) {
    for (int i = 1; i <= bits.count(); i++) {
      int line = bits.bit(i) ? D1 : D0;
      booth.set(line, true);
      if (i == 13) {
        booth.set(line == D0 ? D1 : D0, true);
        booth.set(line == D0 ? D1 : D0, false);
      }
      MockBooth.park(50);
      booth.set(line, false);
      MockBooth.park(2_000);
    }
  }
}
