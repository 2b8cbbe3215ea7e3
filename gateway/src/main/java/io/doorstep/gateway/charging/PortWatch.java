package io.doorstep.gateway.charging;

import io.doorstep.gateway.charging.SafetyAction.SessionEnded;
import io.doorstep.gateway.charging.SafetyAction.SessionStarted;
import io.doorstep.gateway.charging.SafetyAction.StopPort;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules remember of one port between polls: its last valid reading, since when each
 * timed condition has held, the open session, the latch and the stop in flight.
 *
 * <p>A timer starts at the first valid reading that shows its condition and ends at the first
 * valid reading that does not. An unreadable port neither starts nor ends one: when the readings
 * on both sides of a gap show the condition, it is taken to have held throughout, because both
 * ends saw it and the pile reports nothing in between.
 */
final class PortWatch {
  final String pileId;
  final int port;
  /** The last valid reading; null until one came. */
  PortReading last;
  Long overPowerSince;
  Long belowFullSince;
  Long belowUnpluggedSince;
  OpenSession session;
  /** Why the port must stay stopped until its plug is pulled; null when it may charge. */
  StopReason latch;
  PendingStop pending;

  PortWatch(String pileId, int port) {
    this.pileId = pileId;
    this.port = port;
  }

  /** Whether the relay may be closed, as far as anyone knows: yes when closed or never read. */
  boolean mayBeClosed() {
    return last == null || last.relayClosed();
  }

  /** Takes in a valid reading: sessions, timers, peaks, the latch's end. */
  List<SafetyAction> observe(PortReading p, long at, SafetyLimits limits) {
    List<SafetyAction> actions = new ArrayList<>();
    if (p.relayClosed() && session == null) {
      // Seen closed for the first time (the gateway just started): the relay seconds say when.
      boolean seenClosing = last != null;
      long startedAt = seenClosing ? at : at - p.relaySeconds() * 1000;
      session = new OpenSession(startedAt, !seenClosing, seenClosing ? p.energyWh() : 0);
      actions.add(new SessionStarted(pileId, port, startedAt, !seenClosing));
    }
    if (session != null) {
      session.observe(p);
    }
    if (!p.relayClosed() && session != null) {
      actions.add(new SessionEnded(session.end(pileId, port, at, endReason(p))));
      session = null;
    }
    overPowerSince = since(overPowerSince, p.powerW() > limits.overPowerW(), at);
    belowFullSince = since(belowFullSince, p.relayClosed() && p.powerW() < limits.fullBelowW(), at);
    belowUnpluggedSince =
        since(belowUnpluggedSince, p.relayClosed() && p.powerW() < limits.unpluggedBelowW(), at);
    if (p.state() == PortReading.EMPTY) {
      latch = null;
    }
    last = p;
    return actions;
  }

  private StopReason endReason(PortReading p) {
    if (pending != null) {
      return pending.reason;
    }
    if (latch != null) {
      return latch;
    }
    return switch (p.state()) {
      case PortReading.EMPTY -> StopReason.UNPLUGGED;
      case PortReading.FAULTED -> StopReason.FAULT;
      default -> StopReason.PILE;
    };
  }

  private static Long since(Long since, boolean holds, long at) {
    if (!holds) {
      return null;
    }
    return since == null ? at : since;
  }

  /** Asks for the relay to open and remembers why, for the read-back and the latch. */
  StopPort stop(StopReason reason, long now) {
    pending = new PendingStop(reason, now);
    if (reason.latches() && latch == null) {
      latch = reason;
    }
    return new StopPort(pileId, port, reason);
  }
}
