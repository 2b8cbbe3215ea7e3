package io.doorstep.gateway.doors;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes door timings for the technician console: checks the values against the keys' ranges,
 * keeps them in the store, audits each door's change, then publishes the timings in force so
 * every service that opens doors uses them from its next passage. Changes are carried out one
 * at a time, each from the timings the one before left.
 */
public final class DoorTimingEditor {
  private static final Logger log = LoggerFactory.getLogger(DoorTimingEditor.class);

  private final Vertx vertx;
  private final Store store;
  private final EstateConfig estate;
  private volatile Map<String, Map<String, Integer>> console;
  private volatile DoorTimings timings;
  private Future<?> last = Future.succeededFuture();

  /** @param kept the console's changes as {@link #kept} found them */
  public DoorTimingEditor(Vertx vertx, Store store, EstateConfig estate, Map<String, Map<String, Integer>> kept) {
    this.vertx = vertx;
    this.store = store;
    this.estate = estate;
    this.console = Map.copyOf(kept);
    this.timings = DoorTimings.of(estate, kept);
  }

  /**
   * The console's changes kept in the store, for the doors the estate still has and the keys and
   * ranges this build knows; the rest is logged and left aside. Blocking: call at start-up.
   */
  public static Map<String, Map<String, Integer>> kept(Store store, EstateConfig estate) {
    Map<String, Map<String, Integer>> rows;
    try {
      rows = store.read(DoorTimingRows::all).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      log.error("door timings changed on the console not read, the estate file's apply: {}", e.getMessage());
      return Map.of();
    }
    Map<String, Map<String, Integer>> usable = new HashMap<>();
    rows.forEach((door, values) -> {
      if (estate.door(door).isEmpty()) {
        log.warn("door timings changed on the console for {}, which the estate file no longer has: not applied", door);
        return;
      }
      values.forEach((name, value) -> {
        String problem = DoorTiming.problem(name, value);
        if (problem != null) {
          log.warn("door timing of {} changed on the console not applied: {}", door, problem);
        } else {
          usable.computeIfAbsent(door, d -> new LinkedHashMap<>()).put(name, value);
        }
      });
    });
    if (!usable.isEmpty()) {
      log.info("door timings of {} door(s) as changed on the technician console", usable.size());
    }
    return usable;
  }

  /** The timings in force. Safe from any thread. */
  public DoorTimings timings() {
    return timings;
  }

  /** Every door's console changes, door → key → value. Safe from any thread. */
  public Map<String, Map<String, Integer>> console() {
    return console;
  }

  /** What the console changed at the door, key → value; empty when nothing. */
  public Map<String, Integer> console(String door) {
    return console.getOrDefault(door, Map.of());
  }

  /** One door's change: the values in force of the changed keys before and after. */
  public record Change(String door, Map<String, Integer> before, Map<String, Integer> after) {}

  /**
   * Sets the values at each door (a null value returns the key to the file's); fails with an
   * {@link IllegalArgumentException} naming the key when a value is out of its range, and then
   * nothing changes.
   */
  public synchronized Future<List<Change>> change(String who, List<String> doors, Map<String, Integer> values) {
    Future<List<Change>> done = last.transform(ignored -> changeNow(who, doors, values));
    last = done;
    return done;
  }

  private Future<List<Change>> changeNow(String who, List<String> doors, Map<String, Integer> values) {
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      String problem = e.getValue() != null ? DoorTiming.problem(e.getKey(), e.getValue())
          : DoorTiming.keys().contains(e.getKey()) ? null
          : "unknown door timing '" + e.getKey() + "'; known: " + String.join(", ", DoorTiming.keys());
      if (problem != null) {
        return Future.failedFuture(new IllegalArgumentException(problem));
      }
    }
    Map<String, Map<String, Integer>> next = new HashMap<>(console);
    for (String door : doors) {
      Map<String, Integer> atDoor = new LinkedHashMap<>(next.getOrDefault(door, Map.of()));
      values.forEach((name, value) -> {
        if (value == null) {
          atDoor.remove(name);
        } else {
          atDoor.put(name, value);
        }
      });
      next.put(door, Map.copyOf(atDoor));
    }
    DoorTimings before = timings;
    DoorTimings after = DoorTimings.of(estate, next);
    long now = System.currentTimeMillis();
    return store.write(c -> {
      for (String door : doors) {
        DoorTimingRows.save(c, door, values, who, now);
      }
      return null;
    }).compose(saved -> {
      console = Map.copyOf(next);
      timings = after;
      vertx.eventBus().publish(Addresses.DOOR_TIMINGS_CHANGED, after);
      List<Change> changes = new ArrayList<>();
      Future<Void> audits = Future.succeededFuture();
      for (String door : doors) {
        Change change = new Change(door, some(before.of(door), values), some(after.of(door), values));
        changes.add(change);
        audits = audits.compose(v -> store.audit(who, "tech.door.timing", door,
            new JsonObject(new LinkedHashMap<>(change.before())).encode(),
            new JsonObject(new LinkedHashMap<>(change.after())).encode()));
      }
      log.info("door timings {} of {} changed on the technician console by {}", values.keySet(), doors, who);
      return audits.map(v -> changes);
    });
  }

  private static Map<String, Integer> some(DoorTiming timing, Map<String, Integer> changed) {
    Map<String, Integer> all = timing.asMap();
    Map<String, Integer> some = new LinkedHashMap<>();
    changed.keySet().forEach(k -> some.put(k, all.get(k)));
    return some;
  }
}
