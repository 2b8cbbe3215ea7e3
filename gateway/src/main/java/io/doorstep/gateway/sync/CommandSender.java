package io.doorstep.gateway.sync;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.CommandFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

/** How the sync reaches a terminal; the bus in the gateway, a fake in logic tests. */
@FunctionalInterface
interface CommandSender {
  /** Completes with the terminal's ack, or fails with a {@link CommandFailures} code. */
  Future<CommandResult> send(DeviceCommand command);

  static CommandSender bus(EventBus bus) {
    return command -> CommandFailures.send(bus, command);
  }
}
