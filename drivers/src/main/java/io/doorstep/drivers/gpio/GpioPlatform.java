package io.doorstep.drivers.gpio;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;

/** Where the booth's pins come from in production: the Pi's GPIO character device through gpiod. */
public final class GpioPlatform {
  private GpioPlatform() {}

  /**
   * A Pi4J context with the gpiod providers and nothing else. Blocking (it loads a native library
   * and opens the GPIO chip): call it on a worker. Plugins are not discovered from the class path,
   * so a mock plugin that happens to be there can never stand in for the real pins.
   *
   * @throws GpioUnavailableException when this is not a Raspberry Pi
   */
  public static Context raspberryPi() {
    if (!BoardInfoHelper.runningOnRaspberryPi()) {
      throw new GpioUnavailableException("no GPIO here: this machine is not a Raspberry Pi (board model unknown)");
    }
    return Pi4J.newContextBuilder()
        .noAutoDetect()
        .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
        .build();
  }
}
