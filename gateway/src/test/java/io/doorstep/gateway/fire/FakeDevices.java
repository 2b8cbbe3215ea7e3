package io.doorstep.gateway.fire;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.CommandFailures;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the command router and every driver behind it: each device acknowledges,
 * stays silent (the driver's time-out), refuses, or is unknown, as the test says.
 */
public final class FakeDevices implements AutoCloseable {
  public enum Behaviour {
    ACK,
    SILENT,
    REFUSE,
    UNKNOWN
  }

  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();
  private final List<DeviceCommand> received = new CopyOnWriteArrayList<>();
  private final MessageConsumer<DeviceCommand> consumer;

  public FakeDevices(Vertx vertx) {
    consumer = vertx.eventBus().consumer(Addresses.DEVICE_COMMAND, this::answer);
  }

  public void set(String device, Behaviour behaviour) {
    behaviours.put(device, behaviour);
  }

  /** What the device last acknowledged of a hold; false when it never took one. */
  public boolean held(String device) {
    return held.getOrDefault(device, false);
  }

  public List<DeviceCommand> received() {
    return List.copyOf(received);
  }

  public List<DeviceCommand> receivedBy(String device) {
    return received.stream().filter(c -> c.device().equals(device)).toList();
  }

  private void answer(Message<DeviceCommand> message) {
    DeviceCommand command = message.body();
    received.add(command);
    switch (behaviours.getOrDefault(command.device(), Behaviour.ACK)) {
      case ACK -> {
        if (command instanceof DeviceCommand.HoldOpen h) {
          held.put(h.device(), h.open());
        }
        message.reply(CommandResult.accepted());
      }
      case SILENT -> message.fail(CommandFailures.DEVICE_TIMEOUT, command.device() + " did not acknowledge in time");
      case REFUSE -> message.reply(new CommandResult(false, "BAD_REQUEST", List.of()));
      case UNKNOWN -> message.fail(CommandFailures.INVALID, "no device " + command.device());
    }
  }

  @Override
  public void close() {
    consumer.unregister();
  }
}
