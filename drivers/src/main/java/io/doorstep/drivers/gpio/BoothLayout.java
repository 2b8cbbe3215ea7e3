package io.doorstep.drivers.gpio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What hangs on the booth's GPIO header, by BCM pin number, and the timings the driver keeps.
 * Levels are the interface's (gpio-booth.md): inputs are pulled up and active low, outputs are
 * active high. The gateway builds this from the estate file; tests build it by hand.
 */
public record BoothLayout(
    List<Door> doors, List<Reader> readers, List<Contact> firePanels, List<Contact> keySwitches, List<Output> sirens,
    Timing timing) {

  /**
   * A door with a lock relay, a door contact and an exit button.
   *
   * @param heldOpenMs this door's held-open time; 0 for the layout's {@link Timing#heldOpenMs}
   */
  public record Door(String device, int relay, int contact, int exitButton, long heldOpenMs) {
    public Door {
      if (heldOpenMs < 0) {
        throw new IllegalArgumentException(device + ": held-open time must not be negative");
      }
    }

    /** A door held open after the layout's time. */
    public Door(String device, int relay, int contact, int exitButton) {
      this(device, relay, contact, exitButton, 0);
    }
  }

  /** A Wiegand reader; a card it reads may open {@code door} (a {@link Door}'s device id). */
  public record Reader(String device, int d0, int d1, String door) {}

  /** A dry contact: the fire alarm panel's, or the "all doors open" key switch. */
  public record Contact(String device, int pin) {}

  /** An output driven high on command: the siren and strobe. */
  public record Output(String device, int pin) {}

  /**
   * @param openMs how long a release lasts when the command or decision gives no time
   * @param heldOpenMs a door still open this long after its release is held open
   * @param contactDebounceMs door contacts, exit buttons and the key switch must be steady this long
   * @param firePanelDebounceMs the fire panel's contact must be steady this long (200 ms by the interface)
   * @param exitGraceMs a door that opens this soon after its exit button was touched is not forced
   *     (the button's debounce may end after the door contact's)
   * @param wiegandGapNanos quiet on D0 and D1 that ends a frame (25 ms by the interface)
   * @param heartbeatMs how often the booth devices tell the gateway they are alive
   */
  public record Timing(long openMs, long heldOpenMs, long contactDebounceMs, long firePanelDebounceMs,
      long exitGraceMs, long wiegandGapNanos, long heartbeatMs) {
    public static final Timing DEFAULTS = new Timing(5_000, 30_000, 50, 200, 2_000, 25_000_000L, 30_000);

    public Timing {
      if (openMs <= 0 || heldOpenMs <= 0 || contactDebounceMs <= 0 || firePanelDebounceMs <= 0 || exitGraceMs < 0
          || wiegandGapNanos <= 0 || heartbeatMs <= 0) {
        throw new IllegalArgumentException("timings must be positive");
      }
    }

    public Timing withHeartbeatMs(long ms) {
      return new Timing(openMs, heldOpenMs, contactDebounceMs, firePanelDebounceMs, exitGraceMs, wiegandGapNanos, ms);
    }
  }

  public BoothLayout {
    doors = List.copyOf(doors);
    readers = List.copyOf(readers);
    firePanels = List.copyOf(firePanels);
    keySwitches = List.copyOf(keySwitches);
    sirens = List.copyOf(sirens);
    Objects.requireNonNull(timing, "timing");
    checkPinsOnce(doors, readers, firePanels, keySwitches, sirens);
    checkReaderDoors(doors, readers);
  }

  public static BoothLayout empty() {
    return new BoothLayout(List.of(), List.of(), List.of(), List.of(), List.of(), Timing.DEFAULTS);
  }

  public boolean isEmpty() {
    return devices().isEmpty();
  }

  /** Every device id, doors first. */
  public List<String> devices() {
    List<String> ids = new ArrayList<>();
    doors.forEach(d -> ids.add(d.device()));
    readers.forEach(r -> ids.add(r.device()));
    firePanels.forEach(c -> ids.add(c.device()));
    keySwitches.forEach(c -> ids.add(c.device()));
    sirens.forEach(o -> ids.add(o.device()));
    return ids;
  }

  public BoothLayout withTiming(Timing newTiming) {
    return new BoothLayout(doors, readers, firePanels, keySwitches, sirens, newTiming);
  }

  /** Two devices on one pin would fight over it; the configuration check says so first, with a line. */
  private static void checkPinsOnce(List<Door> doors, List<Reader> readers, List<Contact> firePanels,
      List<Contact> keySwitches, List<Output> sirens) {
    Map<Integer, String> users = new HashMap<>();
    doors.forEach(d -> {
      claim(users, d.relay(), d.device() + " relay");
      claim(users, d.contact(), d.device() + " contact");
      claim(users, d.exitButton(), d.device() + " exit button");
    });
    readers.forEach(r -> {
      claim(users, r.d0(), r.device() + " D0");
      claim(users, r.d1(), r.device() + " D1");
    });
    firePanels.forEach(c -> claim(users, c.pin(), c.device()));
    keySwitches.forEach(c -> claim(users, c.pin(), c.device()));
    sirens.forEach(o -> claim(users, o.pin(), o.device()));
  }

  private static void claim(Map<Integer, String> users, int pin, String user) {
    if (pin < 0 || pin > 27) {
      throw new IllegalArgumentException(user + ": BCM pin " + pin + " is not on the 40-pin header (0..27)");
    }
    String earlier = users.putIfAbsent(pin, user);
    if (earlier != null) {
      throw new IllegalArgumentException("BCM pin " + pin + " is used by both " + earlier + " and " + user);
    }
  }

  private static void checkReaderDoors(List<Door> doors, List<Reader> readers) {
    for (Reader r : readers) {
      if (r.door() != null && doors.stream().noneMatch(d -> d.device().equals(r.door()))) {
        throw new IllegalArgumentException("reader " + r.device() + " opens " + r.door() + ", which is no door here");
      }
    }
  }
}
