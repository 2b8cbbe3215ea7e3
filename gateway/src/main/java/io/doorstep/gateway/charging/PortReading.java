package io.doorstep.gateway.charging;

/**
 * One port of a pile as one poll saw it, in the pile's own terms (EBC-10 port block).
 *
 * <p>{@code valid} is false when the read carrying the port's block failed: then every number
 * here is meaningless and nothing may be decided from it.
 *
 * @param port 1-based port number
 * @param state 0 empty, 1 plugged with the relay open, 2 charging, 3 relay closed without current
 *     for 60 s, 4 fault (relay open)
 * @param fault 0 none, 1 over-current trip, 2 short circuit, 3 relay welded, 4 plug sensor broken
 * @param plugTemperature °C, null when the sensor is broken or its read failed
 * @param plugSensorBroken the pile reported 0x7FFF for the plug temperature or fault 4
 * @param relaySeconds seconds since the relay closed this session
 */
public record PortReading(
    int port,
    int state,
    int fault,
    double powerW,
    double currentMa,
    double energyWh,
    Double plugTemperature,
    boolean plugSensorBroken,
    long relaySeconds,
    boolean valid) {
  public static final int EMPTY = 0;
  public static final int PLUGGED = 1;
  public static final int CHARGING = 2;
  public static final int IDLE_CLOSED = 3;
  public static final int FAULTED = 4;

  public static final int FAULT_RELAY_WELDED = 3;
  public static final int FAULT_SENSOR_BROKEN = 4;

  /** A port whose block could not be read. */
  public static PortReading failed(int port) {
    return new PortReading(port, 0, 0, 0, 0, 0, null, false, 0, false);
  }

  /** Power can flow: the relay is closed, whether or not the bike draws current. */
  public boolean relayClosed() {
    return state == CHARGING || state == IDLE_CLOSED;
  }
}
