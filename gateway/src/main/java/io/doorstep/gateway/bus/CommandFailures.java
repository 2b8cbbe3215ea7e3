package io.doorstep.gateway.bus;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.DeviceSilentException;
import io.doorstep.drivers.modbus.LineLostException;
import io.doorstep.drivers.modbus.ModbusExceptionResponse;
import io.doorstep.drivers.mqtt.LinkDownException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * How a device command fails on the bus, and the one way to send one. The codes let a caller
 * tell "the device never answered" (try again, raise an alarm) from "it cannot be done".
 */
public final class CommandFailures {
  /** No such device, or the command breaks the device's limits. */
  public static final int INVALID = 400;
  /** The device did not acknowledge in time; it may or may not have acted. */
  public static final int DEVICE_TIMEOUT = 504;
  /** The device answered that it cannot do it now (a Modbus exception response). */
  public static final int REFUSED = 409;
  /** The link to the device is down, or the device has gone silent on it. */
  public static final int LINK_DOWN = 503;
  public static final int OTHER = 500;

  /** Longer than any driver's own acknowledgement time-out, so that the driver's answer wins. */
  private static final DeliveryOptions COMMAND = new DeliveryOptions().setSendTimeout(20_000);

  private CommandFailures() {}

  public static int codeOf(Throwable e) {
    if (e instanceof DeviceTimeoutException) {
      return DEVICE_TIMEOUT;
    }
    if (e instanceof LinkDownException || e instanceof LineLostException || e instanceof DeviceSilentException) {
      return LINK_DOWN;
    }
    if (e instanceof ModbusExceptionResponse) {
      return REFUSED;
    }
    if (e instanceof IllegalArgumentException) {
      return INVALID;
    }
    return OTHER;
  }

  /** Answers a command message with the driver's result, or with the failure's code. */
  public static void reply(Message<DeviceCommand> message, Future<CommandResult> result) {
    result.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result());
      } else {
        message.fail(codeOf(done.cause()), done.cause().getMessage());
      }
    });
  }

  /** Sends a command to whichever driver owns the device. */
  public static Future<CommandResult> send(EventBus bus, DeviceCommand command) {
    return bus.<CommandResult>request(Addresses.DEVICE_COMMAND, command, COMMAND).map(Message::body);
  }

  /** The failure code of a failed {@link #send}, or {@link #OTHER}. */
  public static int code(Throwable failure) {
    return failure instanceof ReplyException r ? r.failureCode() : OTHER;
  }
}
