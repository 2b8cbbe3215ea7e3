package io.doorstep.gateway.alarms;

import io.doorstep.device.Severity;
import io.doorstep.gateway.charging.ChargingAlarm;
import java.util.Optional;

/**
 * What an alarm is about. The code is what the alarms table and the events store, so it must
 * never change once released.
 */
public enum AlarmType {
  DOOR_FORCED("door-forced", Severity.ALARM, false),
  DOOR_HELD_OPEN("door-held-open", Severity.WARNING, false),
  /**
   * A terminal reports tampering but never its end, so a person looking at it is the only
   * end there is: acknowledging it clears it.
   */
  TAMPER("tamper", Severity.ALARM, true),
  FIRE("fire", Severity.CRITICAL, false),
  /** An RS-485 line's port vanished or cannot be opened: every device on it is out of reach. */
  LINE_LOST("line-lost", Severity.ALARM, false),
  /** The platform's broker refuses the gateway's login or certificate: nothing reaches the platform until fixed. */
  UPSTREAM_REFUSED("upstream-refused", Severity.ALARM, false),
  CHARGING_OVER_POWER(ChargingAlarm.OVER_POWER),
  CHARGING_PLUG_WARM(ChargingAlarm.PLUG_WARM),
  CHARGING_PLUG_HOT(ChargingAlarm.PLUG_HOT),
  CHARGING_SENSOR_BROKEN(ChargingAlarm.SENSOR_BROKEN),
  CHARGING_SMOKE(ChargingAlarm.SMOKE),
  CHARGING_CABINET_HOT(ChargingAlarm.CABINET_HOT),
  CHARGING_MAINS(ChargingAlarm.MAINS),
  CHARGING_DOOR_OPEN(ChargingAlarm.DOOR_OPEN),
  CHARGING_PILE_FAULT(ChargingAlarm.PILE_FAULT),
  CHARGING_PORT_FAULT(ChargingAlarm.PORT_FAULT),
  CHARGING_RELAY_WELDED(ChargingAlarm.RELAY_WELDED),
  CHARGING_STOP_UNCONFIRMED(ChargingAlarm.STOP_UNCONFIRMED),
  CHARGING_BUDGET(ChargingAlarm.BUDGET);

  private final String code;
  private final Severity severity;
  private final boolean clearedByAck;

  AlarmType(String code, Severity severity, boolean clearedByAck) {
    this.code = code;
    this.severity = severity;
    this.clearedByAck = clearedByAck;
  }

  /** The charging rules own their alarms' codes and severities; they end when the rules say so. */
  AlarmType(ChargingAlarm charging) {
    this(charging.code(), charging.severity(), false);
  }

  public String code() {
    return code;
  }

  public Severity severity() {
    return severity;
  }

  public boolean clearedByAck() {
    return clearedByAck;
  }

  public static Optional<AlarmType> fromCode(String code) {
    for (AlarmType t : values()) {
      if (t.code.equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
