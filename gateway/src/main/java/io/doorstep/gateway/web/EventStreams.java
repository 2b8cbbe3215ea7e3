package io.doorstep.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@link EventStream}s, so the server can end them when it stops and refuse a flood
 * of them. Streams live on different event loops, hence the concurrent set.
 */
final class EventStreams {
  /** A booth has a handful of screens; far more is a leak or a misbehaving client. */
  static final int MAX_STREAMS = 64;

  private final Vertx vertx;
  private final long heartbeatMs;
  private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

  EventStreams(Vertx vertx, long heartbeatMs) {
    this.vertx = vertx;
    this.heartbeatMs = heartbeatMs;
  }

  void open(RoutingContext ctx) {
    Set<String> kinds;
    try {
      kinds = QueryParams.kinds(ctx);
    } catch (BadParameterException e) {
      Replies.badParameter(ctx, e);
      return;
    }
    if (open.size() >= MAX_STREAMS) {
      Replies.error(ctx, 503, "too many event streams open");
      return;
    }
    open.add(EventStream.open(vertx, ctx, kinds, heartbeatMs, open::remove));
  }

  int count() {
    return open.size();
  }

  Future<Void> closeAll() {
    List<Future<Void>> closing = open.stream().map(EventStream::close).toList();
    return Future.join(closing).mapEmpty();
  }
}
