package io.doorstep.gateway.devices;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.config.EstateConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.util.Map;

/**
 * Sends each device command to the driver of the device's type, so that a domain service names
 * only the device and never knows which protocol it speaks.
 */
public final class DeviceCommandRouter extends VerticleBase {
  private static final DeliveryOptions FORWARD = new DeliveryOptions().setSendTimeout(19_000);
  /** As the technician console last left them; read and replaced on this verticle's context only. */
  private Map<String, EstateConfig.Device> devices;

  public DeviceCommandRouter(EstateConfig estate) {
    this.devices = estate.devicesById();
  }

  @Override
  public Future<?> start() {
    return Future.all(vertx.eventBus().<DeviceCommand>consumer(Addresses.DEVICE_COMMAND, this::route).completion(),
        vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED, m -> devices = m.body().devicesById())
            .completion());
  }

  private void route(Message<DeviceCommand> message) {
    EstateConfig.Device device = devices.get(message.body().device());
    if (device == null) {
      message.fail(CommandFailures.INVALID, "no device " + message.body().device());
      return;
    }
    vertx.eventBus().<CommandResult>request(Addresses.deviceCommandsOf(device.type()), message.body(), FORWARD)
        .onSuccess(reply -> message.reply(reply.body()))
        .onFailure(e -> message.fail(e instanceof ReplyException r && r.failureCode() > 0 ? r.failureCode()
            : CommandFailures.OTHER, e.getMessage()));
  }
}
