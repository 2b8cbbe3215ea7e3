package io.doorstep.drivers.lane;

import io.doorstep.device.DeviceCommand;
import io.doorstep.drivers.lane.codec.LaneMessage;

/**
 * Normalized commands to a barrier's actions. Pure. A barrier's open is a raise (the lane lowers
 * it again once the vehicle is through), and the fire hold of an egress door is a hold-up.
 */
final class BarrierActions {
  private BarrierActions() {}

  /** The action for a command, or an IllegalArgumentException naming what a barrier takes. */
  static String of(DeviceCommand command) {
    if (command instanceof DeviceCommand.Open) {
      return "raise";
    }
    if (command instanceof DeviceCommand.HoldOpen h) {
      return h.open() ? "hold-up" : "release";
    }
    if (command instanceof DeviceCommand.Invoke i) {
      if (!LaneMessage.ACTIONS.contains(i.command())) {
        throw new IllegalArgumentException("a barrier knows " + String.join(", ", LaneMessage.ACTIONS) + "; not "
            + i.command());
      }
      return i.command();
    }
    throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not for a barrier");
  }
}
