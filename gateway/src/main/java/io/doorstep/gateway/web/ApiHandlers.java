package io.doorstep.gateway.web;

import io.doorstep.gateway.devices.DeviceStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read-only JSON and text routes; each answers from {@link WebSources} and nothing else. */
final class ApiHandlers {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandlers.class);

  /** Offline devices first: those are the ones a guard must act on. */
  static final Comparator<DeviceStatus> OFFLINE_FIRST =
      Comparator.comparing(DeviceStatus::online).thenComparing(DeviceStatus::id);

  private final WebSources sources;

  ApiHandlers(WebSources sources) {
    this.sources = sources;
  }

  void health(RoutingContext ctx) {
    // Always 200: the body says ok or degraded, and a degraded gateway still answers.
    Replies.json(ctx, 200, sources.health());
  }

  /**
   * A scrape formats every meter, which takes milliseconds: done on a worker, so that it never
   * holds the event loop that answers terminals.
   */
  void metrics(RoutingContext ctx) {
    ctx.vertx().executeBlocking(sources::metrics, false).onComplete(text -> {
      if (text.succeeded()) {
        ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text.result());
      } else {
        Replies.error(ctx, 503, "metrics unavailable: " + text.cause().getMessage());
      }
    });
  }

  void estate(RoutingContext ctx) {
    Replies.json(ctx, 200, sources.estate());
  }

  void devices(RoutingContext ctx) {
    JsonArray devices = new JsonArray();
    sources.devices().stream().sorted(OFFLINE_FIRST).map(DeviceStatus::toJson).forEach(devices::add);
    Replies.json(ctx, 200, new JsonObject().put("devices", devices));
  }

  void events(RoutingContext ctx) {
    int limit;
    Set<String> kinds;
    try {
      limit = QueryParams.limit(ctx);
      kinds = QueryParams.kinds(ctx);
    } catch (BadParameterException e) {
      Replies.badParameter(ctx, e);
      return;
    }
    recentEvents(limit, kinds).onComplete(result -> {
      if (result.succeeded()) {
        Replies.json(ctx, 200, new JsonObject().put("events", new JsonArray(List.copyOf(result.result()))));
      } else {
        LOG.warn("recent events unavailable: {}", result.cause().toString());
        Replies.error(ctx, 503, "events unavailable: " + result.cause().getMessage());
      }
    });
  }

  /** A source that throws instead of failing its future must not leave the request hanging. */
  private Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
    try {
      return sources.recentEvents(limit, kinds);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
