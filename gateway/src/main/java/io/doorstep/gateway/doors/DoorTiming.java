package io.doorstep.gateway.doors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long one door's lock is released and when an open door is too long open. The keys, their
 * ranges and the built-in values are kept here, where the estate file's check, the console and
 * the services that open doors read them (docs/configuration.md lists them).
 *
 * @param openMs the release after a granted passage (the face terminal's verify answer, a card
 *     at a booth reader)
 * @param remoteOpenMs the release of an open from the guard's board or the platform that gives no time
 * @param heldOpenMs a booth door with a contact still open this long after its release raises a
 *     held-open alarm
 */
public record DoorTiming(int openMs, int remoteOpenMs, int heldOpenMs) {
  /** A key, the least and most it may be, in milliseconds. */
  public record Key(String name, int min, int max) {}

  public static final String OPEN_MS = "openMs";
  public static final String REMOTE_OPEN_MS = "remoteOpenMs";
  public static final String HELD_OPEN_MS = "heldOpenMs";

  /**
   * A release shorter than a second cannot be walked through; one over a minute is a door left
   * open. A held-open alarm sooner than 5 s would ring at every passage. Declared before
   * {@link #DEFAULTS}, whose check reads them.
   */
  public static final List<Key> KEYS = List.of(
      new Key(OPEN_MS, 1_000, 60_000),
      new Key(REMOTE_OPEN_MS, 1_000, 60_000),
      new Key(HELD_OPEN_MS, 5_000, 600_000));

  /**
   * The face terminal interface's 3 s after a verification, the booth interface's 5 s release
   * and 30 s held-open time (face-terminal-mqtt.md, gpio-booth.md).
   */
  public static final DoorTiming DEFAULTS = new DoorTiming(3_000, 5_000, 30_000);

  public DoorTiming {
    check(OPEN_MS, openMs);
    check(REMOTE_OPEN_MS, remoteOpenMs);
    check(HELD_OPEN_MS, heldOpenMs);
  }

  public static List<String> keys() {
    return KEYS.stream().map(Key::name).toList();
  }

  /** Why the value does not fit the key, or null when it does. */
  public static String problem(String name, long value) {
    Key key = KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    if (key == null) {
      return "unknown door timing '" + name + "'; known: " + String.join(", ", keys());
    }
    if (value < key.min() || value > key.max()) {
      return name + " must be " + key.min() + " to " + key.max() + " ms, got " + value;
    }
    return null;
  }

  /** These values with some replaced; the changes must have passed {@link #problem}. */
  public DoorTiming with(Map<String, Integer> changes) {
    Map<String, Integer> all = asMap();
    changes.forEach((name, value) -> {
      if (!all.containsKey(name)) {
        throw new IllegalArgumentException(problem(name, value));
      }
      all.put(name, value);
    });
    return new DoorTiming(all.get(OPEN_MS), all.get(REMOTE_OPEN_MS), all.get(HELD_OPEN_MS));
  }

  /** Key to value, in the order of {@link #KEYS}. */
  public Map<String, Integer> asMap() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put(OPEN_MS, openMs);
    map.put(REMOTE_OPEN_MS, remoteOpenMs);
    map.put(HELD_OPEN_MS, heldOpenMs);
    return map;
  }

  private static void check(String name, int value) {
    String problem = problem(name, value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }
}
