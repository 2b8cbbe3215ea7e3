package io.doorstep.gateway.charging;

import io.doorstep.device.Severity;
import java.util.Map;

/** What the rules ask the wiring to do. The wiring writes, stores and publishes; it decides nothing. */
public sealed interface SafetyAction {

  /** Open the port's relay (write 2), then report the write with {@code onStopResult}. */
  record StopPort(String pileId, int port, StopReason reason) implements SafetyAction {}

  /**
   * An alarm for people. Raised once per episode: it is not repeated until a
   * {@link ClearAlarm} of the same kind and place ended it.
   *
   * @param pileId null for a shed-wide alarm
   * @param port 0 for a pile-wide or shed-wide alarm
   * @param details the measured values behind it, for the record; never null values
   */
  record RaiseAlarm(ChargingAlarm kind, Severity severity, String shedId, String pileId, int port,
      String textZh, String textEn, Map<String, Object> details) implements SafetyAction {
    public RaiseAlarm {
      details = Map.copyOf(details);
    }
  }

  /** The condition behind the alarm of this kind and place has ended. */
  record ClearAlarm(ChargingAlarm kind, String shedId, String pileId, int port) implements SafetyAction {}

  /** The shed's siren: on at the first smoke, off when no pile of the shed sees smoke. */
  record Siren(String shedId, boolean on) implements SafetyAction {}

  /**
   * @param startedAt epoch millis the relay closed
   * @param reconstructed worked out from the pile's relay seconds: the session began before the
   *     gateway watched the port
   */
  record SessionStarted(String pileId, int port, long startedAt, boolean reconstructed)
      implements SafetyAction {}

  record SessionEnded(ChargingSession session) implements SafetyAction {}
}
