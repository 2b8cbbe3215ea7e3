package io.doorstep.gateway.charging;

import io.doorstep.gateway.charging.SafetyAction.StopPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every stop by reading the port back. A relay that does not open leaves a bike on a
 * hot plug or in a smoking shed, and the gateway cannot open it any harder: only a person at
 * the breaker can, so the alarm names the breaker.
 */
final class StopVerifier {
  /** A failed write is sent again this often before the read-back has the last word. */
  static final int WRITE_RETRIES = 2;

  private StopVerifier() {}

  /** Reads the port back against its stop in flight, and watches for a welded relay. */
  static List<SafetyAction> check(AlarmBook book, PortWatch w, PortReading p, long at,
      SafetyLimits l, Breaker breaker) {
    List<SafetyAction> actions = new ArrayList<>();
    boolean open = !p.relayClosed() && p.currentMa() <= l.stoppedCurrentMa()
        && p.fault() != PortReading.FAULT_RELAY_WELDED;
    PendingStop s = w.pending;
    // A reading taken before the stop was asked for says nothing about it.
    if (s != null && at > s.issuedAt) {
      s.readings++;
      if (open) {
        w.pending = null;
      } else if (s.readings >= l.stopCheckReadings() && !s.failed) {
        s.failed = true;
        actions.addAll(welded(book, w, p, breaker));
        // Once more, in case the write was lost rather than the relay welded.
        actions.add(new StopPort(w.pileId, w.port, s.reason));
      }
    }
    if (p.fault() == PortReading.FAULT_RELAY_WELDED) {
      actions.addAll(welded(book, w, p, breaker));
    }
    if (open && w.pending == null) {
      actions.addAll(book.clear(ChargingAlarm.RELAY_WELDED, w.pileId, w.port));
      actions.addAll(book.clear(ChargingAlarm.STOP_UNCONFIRMED, w.pileId, w.port));
    }
    return actions;
  }

  /** A stop no reading has confirmed for too long: the pile may have gone silent still charging. */
  static List<SafetyAction> unconfirmed(AlarmBook book, PortWatch w, long now, SafetyLimits l,
      Breaker breaker) {
    PendingStop s = w.pending;
    if (s == null || s.failed || now - s.issuedAt < l.stopConfirmMs()) {
      return List.of();
    }
    return book.raise(ChargingAlarm.STOP_UNCONFIRMED, w.pileId, w.port, breaker.nameZh(),
        breaker.nameEn(), Units.details("reason", s.reason.code(), "issuedAt", s.issuedAt,
            "breakerZh", breaker.nameZh(), "breakerEn", breaker.nameEn()));
  }

  /** The write of a stop failed: send it again, a few times. */
  static List<SafetyAction> writeFailed(PortWatch w) {
    PendingStop s = w.pending;
    if (s == null || s.failed || s.writeRetries >= WRITE_RETRIES) {
      return List.of();
    }
    s.writeRetries++;
    return List.of(new StopPort(w.pileId, w.port, s.reason));
  }

  private static List<SafetyAction> welded(AlarmBook book, PortWatch w, PortReading p, Breaker breaker) {
    return book.raise(ChargingAlarm.RELAY_WELDED, w.pileId, w.port, breaker.nameZh(), breaker.nameEn(),
        Units.details("state", p.state(), "fault", p.fault(), "currentMa", p.currentMa(),
            "powerW", p.powerW(), "breakerZh", breaker.nameZh(), "breakerEn", breaker.nameEn()));
  }
}
