package io.doorstep.gateway.web;

import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's local web server: the guards' live board and the other areas of the page, their
 * JSON API, /health and /metrics. Plain HTTP for this computer only; HTTPS, when configured, for
 * the other computers of the estate's network.
 */
public final class WebServer {
  /** Often enough that proxies and NAT boxes keep an idle stream open. */
  static final long HEARTBEAT_MS = 15_000;
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * Where the page listens.
   *
   * @param httpBind plain HTTP's address: a loopback address (the configuration allows no other)
   * @param httpPort 0 picks a free port (see {@link #actualPort()})
   * @param https null for no HTTPS
   */
  public record Listen(String httpBind, int httpPort, Https https) {}

  /** @param keyCert the server's certificate and key */
  public record Https(String bind, int port, KeyCertOptions keyCert) {}

  private final HttpServer http;
  private final HttpServer https;
  private final EventStreams streams;

  private WebServer(HttpServer http, HttpServer https, EventStreams streams) {
    this.http = http;
    this.https = https;
    this.streams = streams;
  }

  /** Plain HTTP only, with no areas of its own: for tests of the board. */
  public static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources, WebAuth auth) {
    return start(vertx, new Listen(bind, port, null), sources, auth, List.of());
  }

  /** Starts listening, with the areas that add their own routes. */
  public static Future<WebServer> start(Vertx vertx, Listen listen, WebSources sources, WebAuth auth,
      List<WebModule> modules) {
    return start(vertx, listen, sources, auth, modules, HEARTBEAT_MS);
  }

  /** With a heartbeat a test can wait for. */
  static Future<WebServer> start(Vertx vertx, String bind, int port, WebSources sources, WebAuth auth,
      long heartbeatMs) {
    return start(vertx, new Listen(bind, port, null), sources, auth, List.of(), heartbeatMs);
  }

  private static Future<WebServer> start(Vertx vertx, Listen listen, WebSources sources, WebAuth auth,
      List<WebModule> modules, long heartbeatMs) {
    EventStreams streams = new EventStreams(vertx, heartbeatMs);
    Future<HttpServer> http = vertx.createHttpServer()
        .requestHandler(WebRoutes.create(vertx, sources, streams, auth, modules, false))
        .listen(listen.httpPort(), listen.httpBind());
    Future<HttpServer> https = listen.https() == null ? Future.succeededFuture() : vertx.createHttpServer(
            new HttpServerOptions().setSsl(true).setKeyCertOptions(listen.https().keyCert()))
        .requestHandler(WebRoutes.create(vertx, sources, streams, auth, modules, true))
        .listen(listen.https().port(), listen.https().bind());
    return Future.all(http, https).recover(failed -> {
      List<Future<Void>> closing = new ArrayList<>();
      if (http.succeeded()) {
        closing.add(http.result().close());
      }
      if (https.succeeded() && https.result() != null) {
        closing.add(https.result().close());
      }
      return Future.join(closing).transform(v -> Future.failedFuture(failed));
    }).map(all -> {
      LOG.info("web page on http://{}:{}/", listen.httpBind(), http.result().actualPort());
      if (https.result() != null) {
        LOG.info("web page on https://{}:{}/", listen.https().bind(), https.result().actualPort());
      }
      return new WebServer(http.result(), https.result(), streams);
    });
  }

  /** The plain HTTP port. */
  public int actualPort() {
    return http.actualPort();
  }

  /** The HTTPS port, or -1 without HTTPS. */
  public int httpsPort() {
    return https == null ? -1 : https.actualPort();
  }

  /** Ends every event stream, then stops listening. */
  public Future<Void> close() {
    return streams.closeAll().eventually(() -> https == null ? http.close()
        : Future.join(http.close(), https.close()).mapEmpty());
  }

  /** Open event streams, so a test can see a dropped client go. */
  int openStreams() {
    return streams.count();
  }
}
