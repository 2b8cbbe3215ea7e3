package io.doorstep.drivers.gpio.internal;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CredentialMethod;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.EventIds;
import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.codec.Collected;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card read becomes a question to the gateway, and a yes releases the reader's door. Frames
 * that are no card are counted and reported, never asked about. Lives on the driver's context.
 */
public final class CardReads {
  private static final Logger log = LoggerFactory.getLogger(CardReads.class);

  private final DeviceListener listener;
  private final BoothEvents events;
  private final Counters counters;
  private final long defaultOpenMs;
  private final Function<String, DoorChannel> doors;

  public CardReads(DeviceListener listener, BoothEvents events, Counters counters, long defaultOpenMs,
      Function<String, DoorChannel> doors) {
    this.listener = listener;
    this.events = events;
    this.counters = counters;
    this.defaultOpenMs = defaultOpenMs;
    this.doors = doors;
  }

  public void onFrame(ReaderChannel reader, Collected frame) {
    BoothLayout.Reader pins = reader.pins();
    if (frame instanceof Collected.Dropped dropped) {
      counters.dropped(dropped.reason());
      events.badFrame(pins.device(), "gpio D0=" + pins.d0() + " D1=" + pins.d1(), dropped, System.currentTimeMillis());
      return;
    }
    counters.card();
    String card = ((Collected.Card) frame).frame().cardText();
    // A reader sees no face and no body: the card is all there is. Readers face outwards, so "in".
    AccessRequest request = new AccessRequest(EventIds.next(), System.currentTimeMillis(), pins.device(), "in",
        CredentialMethod.CARD, null, card, null, null, null, null);
    listener.decide(request).onComplete(answer -> {
      if (answer.failed()) {
        counters.decideFailure();
        // No answer is a no: the door stays locked, the person may present the card again.
        log.warn("no decision for card {} at {}: {}", card, pins.device(), answer.cause().getMessage());
        return;
      }
      release(pins, answer.result());
    });
  }

  private void release(BoothLayout.Reader pins, AccessDecision decision) {
    if (!decision.open() || pins.door() == null) {
      return;
    }
    DoorChannel door = doors.apply(pins.door());
    long ms = decision.openMs() > 0 ? decision.openMs() : defaultOpenMs;
    door.release(ms).onFailure(e -> events.outputFailed(door.device(), "relay", e));
  }
}
