package io.doorstep.drivers.mqtt;

import io.doorstep.device.CommandResult;
import io.doorstep.drivers.DeviceTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * Commands sent to devices that wait for their {@code up/ack}. Each waits at most the
 * time-out, so the map holds only what is really in flight. Confined to the driver's context.
 */
public final class PendingAcks {
  private record Pending(String device, Promise<CommandResult> promise, long timer) {}

  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<String, Pending> byMsgId = new HashMap<>();

  public PendingAcks(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** Registers a command before it is published, so that even an instant ack finds it. */
  public Future<CommandResult> expect(String device, String msgId) {
    Promise<CommandResult> promise = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, id -> {
      if (byMsgId.remove(msgId) != null) {
        promise.tryFail(new DeviceTimeoutException(device + " did not acknowledge " + msgId + " within "
            + timeoutMs + " ms"));
      }
    });
    byMsgId.put(msgId, new Pending(device, promise, timer));
    return promise.future();
  }

  /** The command could not even be sent. */
  public void abandon(String msgId, Throwable cause) {
    Pending p = byMsgId.remove(msgId);
    if (p != null) {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(cause);
    }
  }

  /** An ack arrived; false if nothing of that device waited for it (late, or not ours). */
  public boolean acknowledge(String device, String ackMsgId, CommandResult result) {
    Pending p = byMsgId.get(ackMsgId);
    if (p == null || !p.device().equals(device)) {
      return false;
    }
    byMsgId.remove(ackMsgId);
    vertx.cancelTimer(p.timer());
    p.promise().tryComplete(result);
    return true;
  }

  public int size() {
    return byMsgId.size();
  }
}
