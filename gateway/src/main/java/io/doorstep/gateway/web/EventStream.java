package io.doorstep.gateway.web;

import io.doorstep.device.DeviceEvent;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.devices.DeviceStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's Server-Sent Events stream: what is stored and every device change from the
 * moment it connects, nothing older (the page loads history from /api/events).
 *
 * <p>A board may stay open for weeks on a slow booth PC, so the stream never buffers without
 * end: when the client stops reading and the write queue is full, the stream is dropped and
 * the browser's EventSource reconnects and reloads. Everything here runs on the request's
 * event loop, so no field needs a lock.
 */
final class EventStream {
  /** How long the browser waits before it reconnects after the stream ends. */
  static final int RETRY_MS = 3000;
  /** About a few hundred events: a live board never lags this far unless it is stuck. */
  static final int WRITE_QUEUE_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Vertx vertx;
  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final Set<String> kinds;
  private final Consumer<EventStream> onEnd;
  private MessageConsumer<DeviceEvent> events;
  private MessageConsumer<DeviceStatus> devices;
  private long heartbeatTimer = -1;
  private boolean ended;
  private final Promise<Void> released = Promise.promise();

  private EventStream(Vertx vertx, RoutingContext ctx, Set<String> kinds, Consumer<EventStream> onEnd) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.response = ctx.response();
    this.kinds = kinds;
    this.onEnd = onEnd;
  }

  /**
   * Starts the stream. The first bytes go out only once both consumers are registered, so
   * a client that has read them misses nothing published afterwards.
   *
   * @param kinds the event kinds to pass on; empty means every kind (device changes always pass)
   * @param onEnd called once, on the event loop, when the stream ends for any reason
   */
  static EventStream open(Vertx vertx, RoutingContext ctx, Set<String> kinds, long heartbeatMs,
      Consumer<EventStream> onEnd) {
    EventStream stream = new EventStream(vertx, ctx, kinds, onEnd);
    stream.start(heartbeatMs);
    return stream;
  }

  private void start(long heartbeatMs) {
    response
        .setChunked(true)
        .setWriteQueueMaxSize(WRITE_QUEUE_BYTES)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        // a reverse proxy in front must not hold events back
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> end(null));
    // a browser tab that closes shows up as HttpClosedException: that is a normal end
    response.exceptionHandler(e -> end(e instanceof HttpClosedException ? null : "connection failed: " + e));
    events = vertx.eventBus().consumer(Addresses.EVENT_STORED, message -> onEvent(message.body()));
    devices = vertx.eventBus().consumer(Addresses.DEVICE_STATUS, message -> onDevice(message.body()));
    if (response.closed()) {
      // the client left before the handlers were set: none of them will ever fire
      end(null);
      return;
    }
    Future.all(events.completion(), devices.completion()).onComplete(registered -> {
      if (ended) {
        return;
      }
      if (registered.failed()) {
        end("could not subscribe: " + registered.cause());
        return;
      }
      response.write("retry: " + RETRY_MS + "\n: connected\n\n");
      heartbeatTimer = vertx.setPeriodic(heartbeatMs, id -> write(": heartbeat\n\n"));
    });
  }

  private void onEvent(DeviceEvent event) {
    if (kinds.isEmpty() || kinds.contains(event.kind())) {
      send("event", event.toJson());
    }
  }

  private void onDevice(DeviceStatus status) {
    send("device", status.toJson());
  }

  private void send(String name, JsonObject data) {
    // encode() never emits a line break, so the data stays one SSE line
    write("event: " + name + "\ndata: " + data.encode() + "\n\n");
  }

  private void write(String frame) {
    if (ended) {
      return;
    }
    if (response.writeQueueFull()) {
      end("client too slow, write queue full");
      return;
    }
    response.write(frame);
  }

  /** Ends the stream from any thread, e.g. when the server stops; completes once it is released. */
  Future<Void> close() {
    // closing the connection fires the close handler, which releases the rest on the event loop
    ctx.request().connection().close();
    return released.future();
  }

  /** Releases the consumers and the timer; drops the connection when the client is at fault. */
  private void end(String problem) {
    if (ended) {
      return;
    }
    ended = true;
    events.unregister();
    devices.unregister();
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    if (problem != null) {
      LOG.warn("event stream to {} dropped: {}", ctx.request().remoteAddress(), problem);
      ctx.request().connection().close();
    }
    onEnd.accept(this);
    released.complete();
  }
}
