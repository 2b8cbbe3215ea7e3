package io.doorstep.drivers.modbus.profile;

/**
 * A named write a device understands, e.g. {@code port3.stop} = write 2 to holding 0x0120.
 * A single value is written with function 0x06 (or 0x05 for a coil), several with 0x10.
 *
 * @param table {@link RegisterTable#HOLDING_REGISTER} or {@link RegisterTable#COIL}
 */
public record CommandDef(String name, RegisterTable table, int address, int[] values) {}
