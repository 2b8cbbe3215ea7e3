package io.doorstep.drivers.modbus;

/**
 * What a line tells its owner about its health. Called on the Vert.x context that opened the
 * line; every method has an empty default so an owner implements only what it reports.
 */
public interface LineListener {
  /** The port is open (again); requests are being sent. */
  default void lineUp(String lineId) {}

  /** The port could not be opened or went away; called once per loss, not once per attempt. */
  default void lineLost(String lineId, String reason) {}

  /** A unit stopped answering and its routine polls are now refused ({@code silent}), or it answers again. */
  default void deviceSilent(String lineId, int unit, boolean silent) {}
}
