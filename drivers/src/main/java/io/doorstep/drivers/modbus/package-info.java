/**
 * Modbus RTU master for the estate's RS-485 lines (charging piles, fire-water modules).
 *
 * <p>Three layers, from the wire up:
 *
 * <ul>
 *   <li><b>Line</b> ({@link io.doorstep.drivers.modbus.ModbusLine}): transport plus scheduler. It
 *       owns one serial port on a thread of its own, keeps exactly one request in flight, lets
 *       SAFETY writes ahead of OPERATOR requests ahead of POLLs, retries a time-out or a corrupted
 *       answer once, stops polling a unit that went silent, and reopens a lost port by itself.
 *       Framing, CRC and PDUs come from digitalpetri's modbus library; the port from jSerialComm.
 *   <li><b>Codec</b> ({@link io.doorstep.drivers.modbus.BlockPlanner},
 *       {@link io.doorstep.drivers.modbus.PointDecoder}, {@link io.doorstep.drivers.modbus.RtuTiming}):
 *       pure functions from a device profile to the reads it needs, from the registers read to
 *       point values, and from the baud rate to wire times.
 *   <li><b>Driver</b> ({@link io.doorstep.drivers.modbus.ModbusPoller}): polls a line's devices
 *       round and round into {@link io.doorstep.drivers.modbus.DeviceReading}s, judges them online
 *       or offline, and carries the profile's named commands.
 * </ul>
 *
 * <p>A bad channel is not a dead link: an exception response fails one block's points; only a
 * device none of whose reads got an answer is offline; only a vanished port is a lost line.
 * Implementation classes live in {@code internal}.
 */
package io.doorstep.drivers.modbus;
