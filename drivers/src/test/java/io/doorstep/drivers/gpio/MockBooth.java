package io.doorstep.drivers.gpio;

import io.doorstep.drivers.Waits;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.doorstep.drivers.gpio.BoothLayout.Contact;
import io.doorstep.drivers.gpio.BoothLayout.Door;
import io.doorstep.drivers.gpio.BoothLayout.Output;
import io.doorstep.drivers.gpio.BoothLayout.Reader;
import io.doorstep.drivers.gpio.codec.WiegandBits;
import io.doorstep.drivers.gpio.internal.PinBank;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The booth board on Pi4J's mock platform, wired as the factory wires it, with the driver
 * started on it. Inputs idle high as the board's pull-ups hold them; the test moves them with
 * the timing real hardware has: 50 µs Wiegand pulses 2 ms apart, contacts that bounce.
 */
final class MockBooth implements AutoCloseable {
  static final int RELAY_1 = 17;
  static final int CONTACT_1 = 5;
  static final int EXIT_1 = 12;
  static final int RELAY_2 = 27;
  static final int CONTACT_2 = 6;
  static final int EXIT_2 = 16;
  static final int D0 = 24;
  static final int D1 = 25;
  static final int FIRE_PANEL = 4;
  static final int KEY_SWITCH = 18;
  static final int SIREN = 26;

  /**
   * Door times shortened so that a test waits a second, not half a minute. The frame gap is longer
   * than the interface's 25 ms because the "reader" here is a test thread, which a busy machine
   * stalls for tens of milliseconds in the middle of a frame (seen: 68 ms at a load of 8 on two
   * cores); a real reader never pauses. BitCollectorTest holds the 25 ms to the microsecond.
   */
  static final BoothLayout.Timing TIMING = new BoothLayout.Timing(400, 900, 50, 200, 2_000, 200_000_000L, 60_000);
  /** Longer than the frame gap: what a reader leaves between two cards. */
  static final long BETWEEN_CARDS_MS = 250;

  static final BoothLayout LAYOUT = new BoothLayout(
      List.of(new Door("door-1", RELAY_1, CONTACT_1, EXIT_1), new Door("door-2", RELAY_2, CONTACT_2, EXIT_2)),
      List.of(new Reader("reader-1", D0, D1, "door-1")),
      List.of(new Contact("fire-panel", FIRE_PANEL)),
      List.of(new Contact("key-switch", KEY_SWITCH)),
      List.of(new Output("siren", SIREN)),
      TIMING);

  final Vertx vertx = Vertx.vertx();
  final Context pi4j;
  final RecordingListener listener = new RecordingListener();
  final BoothGpioDriver driver;

  private MockBooth(BoothLayout layout, List<Integer> lowAtStart) {
    pi4j = Pi4J.newContextBuilder().add(new IdleHighInputs(lowAtStart), MockDigitalOutputProvider.newInstance()).build();
    driver = new BoothGpioDriver(vertx, layout, listener);
  }

  /** Doors closed (their contacts low), everything else idle. */
  static MockBooth started() {
    return started(LAYOUT, List.of(CONTACT_1, CONTACT_2));
  }

  /** @param lowAtStart inputs found low when the driver starts: closed doors, a fire panel already in alarm */
  static MockBooth started(BoothLayout layout, List<Integer> lowAtStart) {
    MockBooth booth = new MockBooth(layout, lowAtStart);
    booth.await(booth.driver.start(() -> booth.pi4j));
    return booth;
  }

  <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  MockDigitalInput input(int bcm) {
    return (MockDigitalInput) pi4j.registry().get(PinBank.id(bcm), DigitalInput.class);
  }

  boolean high(int bcm) {
    return pi4j.registry().get(PinBank.id(bcm), DigitalOutput.class).state().isHigh();
  }

  void set(int bcm, boolean low) {
    input(bcm).mockState(low ? DigitalState.LOW : DigitalState.HIGH);
  }

  /** A mechanical contact moving: a few milliseconds of chatter, then the new level for good. */
  void bounce(int bcm, boolean low) {
    for (int i = 0; i < 6; i++) {
      set(bcm, i % 2 == 0 == low);
      park(300 + 200L * i);
    }
    set(bcm, low);
  }

  /** A level held for a while, then released (a blip on the fire panel's line). */
  void pulse(int bcm, long ms) {
    set(bcm, true);
    Waits.sleep(ms);
    set(bcm, false);
  }

  /** A card at the pace a reader sends it: a 50 µs low pulse per bit, one every 2 ms. */
  void card(WiegandBits bits) {
    long start = System.nanoTime();
    for (int i = 1; i <= bits.count(); i++) {
      parkUntil(start + (i - 1) * 2_000_000L);
      int line = bits.bit(i) ? D1 : D0;
      set(line, true);
      park(50);
      set(line, false);
    }
  }

  static void park(long micros) {
    parkUntil(System.nanoTime() + micros * 1_000L);
  }

  private static void parkUntil(long nanos) {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void close() {
    await(driver.stop());
    await(vertx.close());
  }

  /** Mock inputs that start high, as the board's pull-ups hold an open line (Pi4J's mock starts low), or low as told. */
  private static final class IdleHighInputs extends MockDigitalInputProviderImpl {
    private final List<Integer> lowAtStart;

    IdleHighInputs(List<Integer> lowAtStart) {
      this.lowAtStart = List.copyOf(lowAtStart);
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
      MockDigitalInput input = (MockDigitalInput) super.create(config);
      input.mockState(lowAtStart.contains(config.address()) ? DigitalState.LOW : DigitalState.HIGH);
      return input;
    }
  }
}
