package io.doorstep.gateway.web;

import io.doorstep.gateway.devices.DeviceStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * What the web server reads, kept apart from the store and the device registry so the web
 * layer can be tested with a fake and wired to whatever owns the data.
 *
 * <p>Every method is called on an event loop, so none may block: the store's reads are
 * already asynchronous, and the rest must answer from memory.
 */
public interface WebSources {

  /**
   * The most recent events, newest first, each shaped as {@code DeviceEvent.toJson()} plus
   * {@code "seq"}, the log's position.
   *
   * @param limit 1 to 500, already checked
   * @param kinds the kinds wanted; empty means every kind
   */
  Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds);

  /** Every configured device as the registry knows it now. */
  List<DeviceStatus> devices();

  /**
   * {@code {"status": "ok" | "degraded", "store": {…}, "broker": {…},
   * "devices": {"total": n, "online": m}}}.
   */
  JsonObject health();

  /** The metrics in the Prometheus text format, version 0.0.4. */
  String metrics();

  /** {@code {"id": …, "name": …}}: the page shows the estate's name in its title. */
  JsonObject estate();
}
