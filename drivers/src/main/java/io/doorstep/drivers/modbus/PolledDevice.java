package io.doorstep.drivers.modbus;

import io.doorstep.drivers.modbus.profile.DeviceProfile;

/**
 * A device on a line, as the poller sees it.
 *
 * @param id the device's id in the estate file, e.g. "shed-a-pile-3"
 * @param unit its Modbus slave address, 1-247
 */
public record PolledDevice(String id, int unit, DeviceProfile profile) {}
