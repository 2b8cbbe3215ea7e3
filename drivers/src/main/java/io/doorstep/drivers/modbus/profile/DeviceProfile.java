package io.doorstep.drivers.modbus.profile;

import java.util.List;

/**
 * A device model's register map, loaded from a YAML profile file: a technician adds a model by
 * writing a file, not a class. Repeated blocks (the EBC-10's ten ports) are already expanded:
 * {@code port1.state} … {@code port10.state}.
 *
 * @param model e.g. "EBC-10"
 * @param points every point, in the order of the file
 * @param commands every named write
 * @param forbidden ranges a coalesced read must never include (reserved, or answered with an exception)
 * @param maxGap how many unused registers a read may carry to save a transaction
 * @param maxPerRead registers (or bits) per read, at most 125 registers / 2000 bits
 * @param answerTimeMs how long the device may take to start its answer after a request ends
 */
public record DeviceProfile(
    String model,
    String description,
    List<Point> points,
    List<CommandDef> commands,
    List<AddressRange> forbidden,
    int maxGap,
    int maxPerRead,
    int answerTimeMs) {

  public DeviceProfile {
    points = List.copyOf(points);
    commands = List.copyOf(commands);
    forbidden = List.copyOf(forbidden);
  }
}
