package io.doorstep.device;

import java.util.List;

/**
 * What a device said to a {@link DeviceCommand}.
 *
 * @param ok false when the whole command was refused
 * @param error why it was refused (a device's code such as TOO_LARGE), or null
 * @param failed the persons of a person command that were not applied, with the device's reason
 */
public record CommandResult(boolean ok, String error, List<PersonFailure> failed) {

  /** A person the device could not take, e.g. NO_FACE_FOUND. */
  public record PersonFailure(String personId, String error) {}

  public CommandResult {
    failed = List.copyOf(failed);
  }

  public static CommandResult accepted() {
    return new CommandResult(true, null, List.of());
  }
}
