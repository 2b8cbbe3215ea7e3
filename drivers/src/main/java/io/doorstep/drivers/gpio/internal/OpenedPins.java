package io.doorstep.drivers.gpio.internal;

import com.pi4j.context.Context;
import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.GpioUnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pin of a layout, open, listened to, and the level of each input right after listening
 * began (so a change can be missed by neither). Built on a worker: everything here may block.
 *
 * @param initialLow each input's level when the driver started: true = low
 */
public record OpenedPins(PinBank bank, Map<Integer, Boolean> initialLow) {
  private static final Logger log = LoggerFactory.getLogger(OpenedPins.class);

  public OpenedPins {
    initialLow = Map.copyOf(initialLow);
  }

  /**
   * @param levels where every input's changes go, from Pi4J's threads
   * @throws GpioUnavailableException when the platform has no GPIO or a pin does not open
   */
  public static OpenedPins open(Callable<Context> platform, BoothLayout layout, PinBank.PinListener levels) {
    Context pi4j;
    try {
      pi4j = platform.call();
    } catch (GpioUnavailableException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new GpioUnavailableException("no GPIO: " + describe(e));
    }
    PinBank bank = new PinBank(pi4j);
    try {
      openAll(bank, layout);
      Map<Integer, Boolean> initial = new HashMap<>();
      for (int bcm : bank.inputs()) {
        bank.listen(bcm, levels);
        initial.put(bcm, bank.isLow(bcm));
      }
      return new OpenedPins(bank, initial);
    } catch (RuntimeException | LinkageError e) {
      try {
        bank.close();
      } catch (RuntimeException closing) {
        log.debug("closing the GPIO after a failed start: {}", closing.getMessage());
      }
      throw new GpioUnavailableException("the booth's GPIO pins did not open: " + describe(e));
    }
  }

  private static void openAll(PinBank bank, BoothLayout layout) {
    for (BoothLayout.Door d : layout.doors()) {
      bank.openOutput(d.relay(), d.device() + " lock relay");
      bank.openInput(d.contact(), d.device() + " door contact");
      bank.openInput(d.exitButton(), d.device() + " exit button");
    }
    for (BoothLayout.Reader r : layout.readers()) {
      bank.openInput(r.d0(), r.device() + " D0");
      bank.openInput(r.d1(), r.device() + " D1");
    }
    layout.firePanels().forEach(c -> bank.openInput(c.pin(), c.device() + " fire panel contact"));
    layout.keySwitches().forEach(c -> bank.openInput(c.pin(), c.device() + " key switch"));
    layout.sirens().forEach(o -> bank.openOutput(o.pin(), o.device() + " siren"));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
