package io.doorstep.drivers.modbus;

/** What a {@link ModbusPoller} produces; called on the context that started it. */
public interface PollListener {
  /** Every point of one device after one poll; points of failed reads are FAILED. */
  void reading(DeviceReading reading);

  /** The device answers again ({@code online}), or every read of a poll failed for want of an answer. */
  default void online(String deviceId, boolean online, String reason) {}

  /** One pass over every device of the line took {@code nanos}. */
  default void cycleCompleted(String lineId, long nanos) {}
}
