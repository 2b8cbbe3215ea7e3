package io.doorstep.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pins of devices on the booth's GPIO header: which signals each type has, and the booth
 * board's factory wiring (gpio-booth.md) that applies to every pin the estate file leaves out.
 * A device names its board channel (door 1–4) to take that channel's factory pins.
 */
public final class GpioPins {
  /** GPIO 0 and 1 carry the HAT's ID EEPROM; 28 and up are not on the 40-pin header. */
  static final int MIN_PIN = 2;
  static final int MAX_PIN = 27;

  /** Signals by type, in the order the board's table lists them. */
  private static final Map<String, List<String>> SIGNALS = Map.of(
      EstateConfig.GPIO_DOOR, List.of("relay", "contact", "exit"),
      EstateConfig.WIEGAND_READER, List.of("d0", "d1"),
      EstateConfig.FIRE_PANEL, List.of("contact"),
      EstateConfig.SIREN, List.of("output"),
      EstateConfig.KEY_SWITCH, List.of("contact"));

  /** Factory pins by type, one row per board channel, columns as {@link #SIGNALS}. */
  private static final Map<String, int[][]> FACTORY = Map.of(
      EstateConfig.GPIO_DOOR, new int[][] {{17, 5, 12}, {27, 6, 16}, {22, 13, 20}, {23, 19, 21}},
      EstateConfig.WIEGAND_READER, new int[][] {{24, 25}},
      EstateConfig.FIRE_PANEL, new int[][] {{4}},
      EstateConfig.SIREN, new int[][] {{26}},
      EstateConfig.KEY_SWITCH, new int[][] {{18}});

  private GpioPins() {}

  /**
   * The board's factory wiring, for a form to offer: by type, one entry per channel (channel 1
   * first), each signal with its BCM pin.
   */
  public static Map<String, List<Map<String, Integer>>> channels() {
    Map<String, List<Map<String, Integer>>> channels = new LinkedHashMap<>();
    for (String type : EstateConfig.GPIO_TYPES) {
      List<Map<String, Integer>> rows = new java.util.ArrayList<>();
      for (int[] row : FACTORY.get(type)) {
        Map<String, Integer> pins = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
          pins.put(SIGNALS.get(type).get(i), row[i]);
        }
        rows.add(pins);
      }
      channels.put(type, List.copyOf(rows));
    }
    return channels;
  }

  static boolean isGpioType(String type) {
    return type != null && EstateConfig.GPIO_TYPES.contains(type);
  }

  static List<String> signals(String type) {
    return SIGNALS.get(type);
  }

  /**
   * The device's pins: the channel's factory pins, each replaced where {@code pins} names it. A
   * pin given wrongly, or every pin of a wrong channel, is reported and left out, so that a
   * fallback pin never shows up as a second, made-up clash.
   */
  static Map<String, Integer> read(YamlMap device, String type) {
    int[][] factory = FACTORY.get(type);
    int channel = device.has("channel") ? device.integer("channel", 0, 1, factory.length) : 1;
    YamlMap given = device.map("pins", signals(type));
    Map<String, Integer> pins = new LinkedHashMap<>();
    List<String> signals = signals(type);
    for (int i = 0; i < signals.size(); i++) {
      String signal = signals.get(i);
      int pin = given.has(signal) ? given.integer(signal, 0, MIN_PIN, MAX_PIN)
          : channel == 0 ? 0 : factory[channel - 1][i];
      if (pin != 0) {
        pins.put(signal, pin);
      }
    }
    return pins;
  }
}
