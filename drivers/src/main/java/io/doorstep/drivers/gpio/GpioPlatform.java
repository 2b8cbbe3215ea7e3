package io.doorstep.drivers.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the booth's pins come from in production: the Pi's GPIO character device through gpiod. */
public final class GpioPlatform {
  private static final Path MODEL = Path.of("/proc/device-tree/model");

  private GpioPlatform() {}

  /**
   * A Pi4J context with the gpiod providers and nothing else. Blocking (it loads a native library
   * and opens the GPIO chip): call it on a worker. Plugins are not discovered from the class path,
   * so a mock plugin that happens to be there can never stand in for the real pins.
   *
   * @throws GpioUnavailableException when this is not a Raspberry Pi
   */
  public static Context raspberryPi() {
    // Asked before Pi4J is touched: off a Pi, Pi4J's own board detection logs errors at start-up.
    String model = model();
    if (model == null || !model.startsWith("Raspberry Pi")) {
      throw new GpioUnavailableException("no GPIO here: this machine is not a Raspberry Pi ("
          + (model == null ? "no " + MODEL : "it is a " + model) + ")");
    }
    return Pi4J.newContextBuilder()
        .noAutoDetect()
        .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
        .build();
  }

  private static String model() {
    try {
      return Files.isReadable(MODEL)
          ? new String(Files.readAllBytes(MODEL), StandardCharsets.UTF_8).replace("\0", "").trim() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
