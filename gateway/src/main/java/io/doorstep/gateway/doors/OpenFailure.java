package io.doorstep.gateway.doors;

import io.doorstep.device.CommandResult;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.vertx.core.Future;
import java.util.List;

/**
 * Why a remote open did not happen, in words a guard can act on. A time-out says plainly that
 * the door may have opened anyway: the device may have acted and lost only its answer.
 */
record OpenFailure(int code, String message) {

  /** The first device that did not confirm, or null if all did. */
  static OpenFailure first(EstateConfig.Door door, List<Future<CommandResult>> sends) {
    List<String> devices = door.devices();
    for (int i = 0; i < sends.size(); i++) {
      Future<CommandResult> f = sends.get(i);
      String where = "door " + door.id() + " (" + door.name() + "): " + devices.get(i);
      if (f.failed()) {
        return of(where, f.cause());
      }
      if (!f.result().ok()) {
        return new OpenFailure(DoorBus.REFUSED, where + " refused the open (" + f.result().error() + ")");
      }
    }
    return null;
  }

  private static OpenFailure of(String where, Throwable cause) {
    int code = CommandFailures.code(cause);
    return switch (code) {
      case CommandFailures.DEVICE_TIMEOUT -> new OpenFailure(code, where
          + " did not acknowledge the open in time; it may be offline, and the door may or may not have opened");
      case CommandFailures.LINK_DOWN -> new OpenFailure(code, where
          + " cannot be reached: the gateway has no link to it (" + cause.getMessage() + ")");
      case CommandFailures.INVALID -> new OpenFailure(code, where + " cannot open the door: " + cause.getMessage());
      default -> new OpenFailure(CommandFailures.OTHER, where + " did not open: " + cause.getMessage());
    };
  }
}
