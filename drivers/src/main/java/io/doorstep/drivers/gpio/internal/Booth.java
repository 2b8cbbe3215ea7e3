package io.doorstep.drivers.gpio.internal;

import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.codec.BitCollector.Line;
import io.doorstep.drivers.gpio.codec.Collected;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The booth's channels wired to their pins: which level change goes where, and what each input's
 * first level means. Lives on the driver's context.
 */
public final class Booth {

  /** What a level change on one pin does. */
  private interface Route {
    void level(boolean low, long nanos);
  }

  private final Map<Integer, Route> routes = new HashMap<>();
  private final Map<String, DoorChannel> doors = new HashMap<>();
  private final Map<String, Output> sirens = new HashMap<>();
  private final List<ReaderChannel> readers = new ArrayList<>();

  /** @param frames where each reader's frames go */
  public Booth(Context context, BoothLayout layout, OpenedPins opened, BoothEvents events, Counters counters,
      BiConsumer<ReaderChannel, Collected> frames) {
    Vertx vertx = context.owner();
    BoothLayout.Timing timing = layout.timing();
    Map<Integer, Boolean> initial = opened.initialLow();
    for (BoothLayout.Door pins : layout.doors()) {
      wireDoor(vertx, pins, timing, new Output(context, opened.bank(), pins.relay()), events, counters, initial);
    }
    for (BoothLayout.Reader pins : layout.readers()) {
      ReaderChannel reader = new ReaderChannel(vertx, pins, timing.wiegandGapNanos(), frames);
      readers.add(reader);
      routes.put(pins.d0(), (low, nanos) -> reader.level(Line.D0, low, nanos));
      routes.put(pins.d1(), (low, nanos) -> reader.level(Line.D1, low, nanos));
    }
    for (BoothLayout.Contact pins : layout.firePanels()) {
      // Believed normal until the contact has been closed for the debounce time, even at start-up:
      // a panel already in alarm when the gateway starts is reported, and a blip is not.
      Debouncer panel = new Debouncer(vertx, timing.firePanelDebounceMs(), false,
          fire -> events.firePanel(pins.device(), fire));
      routes.put(pins.pin(), (low, nanos) -> panel.raw(low));
    }
    for (BoothLayout.Contact pins : layout.keySwitches()) {
      Debouncer key = new Debouncer(vertx, timing.contactDebounceMs(), false, on -> events.keySwitch(pins.device(), on));
      routes.put(pins.pin(), (low, nanos) -> key.raw(low));
    }
    for (BoothLayout.Output pins : layout.sirens()) {
      sirens.put(pins.device(), new Output(context, opened.bank(), pins.pin()));
    }
    // Reader lines and the alarm contacts start from idle high; a line found low counts as a change
    // (a reader line low at start-up ends as a dropped frame that says so).
    long now = System.nanoTime();
    for (BoothLayout.Reader pins : layout.readers()) {
      level(pins.d0(), initial.get(pins.d0()), now);
      level(pins.d1(), initial.get(pins.d1()), now);
    }
    layout.firePanels().forEach(c -> level(c.pin(), initial.get(c.pin()), now));
    layout.keySwitches().forEach(c -> level(c.pin(), initial.get(c.pin()), now));
  }

  private void wireDoor(Vertx vertx, BoothLayout.Door pins, BoothLayout.Timing timing, Output relay, BoothEvents events,
      Counters counters, Map<Integer, Boolean> initial) {
    boolean openAtStart = !initial.get(pins.contact());
    DoorChannel door = new DoorChannel(vertx, pins, timing, relay, events, counters, openAtStart);
    doors.put(pins.device(), door);
    // Contact low = closed. The level found at start is believed without a wait.
    Debouncer contact = new Debouncer(vertx, timing.contactDebounceMs(), !openAtStart, low -> door.contact(!low));
    routes.put(pins.contact(), (low, nanos) -> contact.raw(low));
    // A button held down at start-up opens nothing until it is let go and pressed again.
    Debouncer exit = new Debouncer(vertx, timing.contactDebounceMs(), initial.get(pins.exitButton()), door::exitButton);
    routes.put(pins.exitButton(), (low, nanos) -> {
      door.exitTouched(low);
      exit.raw(low);
    });
  }

  /** A level change of an input pin, on the driver's context. */
  public void level(int bcm, boolean low, long nanos) {
    Route route = routes.get(bcm);
    if (route != null) {
      route.level(low, nanos);
    }
  }

  public DoorChannel door(String device) {
    return doors.get(device);
  }

  public Output siren(String device) {
    return sirens.get(device);
  }

  /** Facts for the device registry: where the device is wired and what it sees now. */
  public JsonObject facts(String device) {
    JsonObject facts = new JsonObject().put("link", "gpio");
    DoorChannel door = doors.get(device);
    if (door != null) {
      facts.put("doorState", door.open() ? "open" : "closed");
    }
    return facts;
  }

  /** Ends timed releases and frame timers; holds stay. */
  public Future<Void> stop() {
    readers.forEach(ReaderChannel::stop);
    List<Future<Void>> ends = new ArrayList<>();
    doors.values().forEach(d -> ends.add(d.stop()));
    sirens.values().forEach(s -> ends.add(s.endPulse()));
    return Future.join(ends).mapEmpty();
  }
}
