package io.doorstep.drivers.gpio.internal;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The transport: the booth's pins opened through Pi4J. It only moves levels; what they mean is
 * the channels'. Every method may block (Pi4J calls into the kernel): call it on a worker.
 */
public final class PinBank implements AutoCloseable {

  /** Where level changes go. Called on Pi4J's threads, with the time each was seen. */
  public interface PinListener {
    void level(int bcm, boolean low, long nanos);
  }

  private final Context pi4j;
  private final Map<Integer, DigitalInput> inputs = new HashMap<>();
  private final Map<Integer, DigitalOutput> outputs = new HashMap<>();

  public PinBank(Context pi4j) {
    this.pi4j = pi4j;
  }

  /**
   * Opens an input with the pull-up the booth board expects. Pi4J's own debounce is off: at its
   * default of 10 ms it would swallow every 50 µs Wiegand pulse, and contacts are debounced by
   * the channels, each with its own time.
   */
  public void openInput(int bcm, String name) {
    DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
        .id(id(bcm))
        .name(name)
        .address(bcm)
        .pull(PullResistance.PULL_UP)
        .debounce(0L));
    inputs.put(bcm, input);
  }

  /** Opens an output driven low at once: a relay off (lock engaged), a siren silent. */
  public void openOutput(int bcm, String name) {
    DigitalOutput output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
        .id(id(bcm))
        .name(name)
        .address(bcm)
        .initial(DigitalState.LOW));
    outputs.put(bcm, output);
  }

  public boolean isLow(int bcm) {
    return input(bcm).state().isLow();
  }

  /** Reports every change of the pin. The time is taken at once, before any hand-over. */
  public void listen(int bcm, PinListener listener) {
    input(bcm).addListener((DigitalStateChangeListener) event ->
        listener.level(bcm, event.state().isLow(), System.nanoTime()));
  }

  /** The open inputs' pins. */
  public Set<Integer> inputs() {
    return Set.copyOf(inputs.keySet());
  }

  public void write(int bcm, boolean high) {
    DigitalOutput output = outputs.get(bcm);
    if (output == null) {
      throw new IllegalArgumentException("BCM pin " + bcm + " is not open as an output");
    }
    output.state(high ? DigitalState.HIGH : DigitalState.LOW);
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }

  /** Pi4J's registry id of a pin: one id per pin, so a pin can never be opened twice. */
  public static String id(int bcm) {
    return "bcm" + bcm;
  }

  private DigitalInput input(int bcm) {
    DigitalInput input = inputs.get(bcm);
    if (input == null) {
      throw new IllegalArgumentException("BCM pin " + bcm + " is not open as an input");
    }
    return input;
  }
}
