package io.doorstep.gateway.charging;

import java.util.ArrayList;
import java.util.List;

/** What one port's own readings decide: its reason to stop and its condition alarms. */
final class PortRules {
  private PortRules() {}

  /**
   * The port's own reason to stop now, or null. The most dangerous reason wins, so that the
   * session and the record name the cause a person must look at.
   */
  static StopReason stopReason(PortWatch w, PortReading p, SafetyLimits l, long at) {
    if (!p.relayClosed()) {
      return null;
    }
    if (p.plugSensorBroken()) {
      return StopReason.SENSOR_BROKEN;
    }
    if (p.plugTemperature() != null && p.plugTemperature() >= l.plugHotC()) {
      return StopReason.PLUG_HOT;
    }
    if (held(w.overPowerSince, at, l.overPowerMs())) {
      return StopReason.OVER_POWER;
    }
    if (w.session != null && at - w.session.startedAt >= l.maxSessionMs()) {
      return StopReason.TIME_LIMIT;
    }
    if (held(w.belowUnpluggedSince, at, l.unpluggedMs())) {
      return StopReason.UNPLUGGED;
    }
    if (held(w.belowFullSince, at, l.fullMs())) {
      return StopReason.FULL;
    }
    return null;
  }

  private static boolean held(Long since, long at, long forMs) {
    return since != null && at - since >= forMs;
  }

  /**
   * The alarms about the port's condition. An unread temperature (null, not broken) leaves its
   * alarms as they are: not knowing is neither hot nor cool.
   */
  static List<SafetyAction> alarms(AlarmBook book, PortWatch w, PortReading p, SafetyLimits l) {
    List<SafetyAction> actions = new ArrayList<>();
    Double t = p.plugTemperature();
    if (t != null) {
      actions.addAll(level(book, w, t, l.plugWarmC(), l.plugClearMarginC(), ChargingAlarm.PLUG_WARM));
      actions.addAll(level(book, w, t, l.plugHotC(), l.plugClearMarginC(), ChargingAlarm.PLUG_HOT));
    }
    if (p.plugSensorBroken()) {
      actions.addAll(book.raise(ChargingAlarm.SENSOR_BROKEN, w.pileId, w.port, "",
          Units.details("fault", p.fault())));
    } else if (t != null) {
      actions.addAll(book.clear(ChargingAlarm.SENSOR_BROKEN, w.pileId, w.port));
    }
    // Relay welded and sensor broken have alarms of their own, with their own instructions.
    boolean plainFault = p.state() == PortReading.FAULTED
        && p.fault() != PortReading.FAULT_RELAY_WELDED && p.fault() != PortReading.FAULT_SENSOR_BROKEN;
    if (plainFault) {
      actions.addAll(book.raise(ChargingAlarm.PORT_FAULT, w.pileId, w.port,
          ChargingAlarm.faultZh(p.fault()), ChargingAlarm.faultEn(p.fault()),
          Units.details("fault", p.fault())));
    } else if (p.state() != PortReading.FAULTED) {
      actions.addAll(book.clear(ChargingAlarm.PORT_FAULT, w.pileId, w.port));
    }
    if (p.state() == PortReading.EMPTY) {
      // Over-power is an event, not a level: its episode ends with the bike that caused it.
      actions.addAll(book.clear(ChargingAlarm.OVER_POWER, w.pileId, w.port));
    }
    return actions;
  }

  private static List<SafetyAction> level(AlarmBook book, PortWatch w, double t, double level,
      double margin, ChargingAlarm kind) {
    if (t >= level) {
      return book.raise(kind, w.pileId, w.port, Units.celsius(t),
          Units.details("plugTemperatureC", t, "levelC", level));
    }
    if (t < level - margin) {
      return book.clear(kind, w.pileId, w.port);
    }
    return List.of();
  }
}
