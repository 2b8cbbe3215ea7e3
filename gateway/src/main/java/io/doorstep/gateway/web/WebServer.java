package io.doorstep.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's local web server: the guards' live board, its JSON API, /health and /metrics.
 * Read-only: nothing served here changes the gateway.
 */
public final class WebServer {
  /** Often enough that proxies and NAT boxes keep an idle stream open. */
  static final long HEARTBEAT_MS = 15_000;
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private final HttpServer server;
  private final EventStreams streams;

  private WebServer(HttpServer server, EventStreams streams) {
    this.server = server;
    this.streams = streams;
  }

  /**
   * Starts listening.
   *
   * @param bind the address to listen on ("127.0.0.1" for the booth PC only, "0.0.0.0" for the LAN)
   * @param port the TCP port; 0 picks a free one (see {@link #actualPort()})
   */
  public static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources) {
    return start(vertx, bind, port, sources, List.of());
  }

  /** As {@link #start(Vertx, String, int, WebSources)}, with the areas that add their own routes. */
  public static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources,
      List<WebModule> modules) {
    return start(vertx, bind, port, sources, modules, HEARTBEAT_MS);
  }

  /** As {@link #start(Vertx, String, int, WebSources)}, with a heartbeat a test can wait for. */
  static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources, long heartbeatMs) {
    return start(vertx, bind, port, sources, List.of(), heartbeatMs);
  }

  private static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources,
      List<WebModule> modules, long heartbeatMs) {
    EventStreams streams = new EventStreams(vertx, heartbeatMs);
    return vertx.createHttpServer()
        .requestHandler(WebRoutes.create(vertx, sources, streams, modules))
        .listen(port, bind)
        .map(server -> {
          LOG.info("web page on http://{}:{}/", bind, server.actualPort());
          return new WebServer(server, streams);
        });
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Ends every event stream, then stops listening. */
  public Future<Void> close() {
    return streams.closeAll().eventually(server::close);
  }

  /** Open event streams, so a test can see a dropped client go. */
  int openStreams() {
    return streams.count();
  }
}
