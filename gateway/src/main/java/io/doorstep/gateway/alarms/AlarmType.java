package io.doorstep.gateway.alarms;

import io.doorstep.device.Severity;
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
  FIRE("fire", Severity.CRITICAL, false);

  private final String code;
  private final Severity severity;
  private final boolean clearedByAck;

  AlarmType(String code, Severity severity, boolean clearedByAck) {
    this.code = code;
    this.severity = severity;
    this.clearedByAck = clearedByAck;
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
