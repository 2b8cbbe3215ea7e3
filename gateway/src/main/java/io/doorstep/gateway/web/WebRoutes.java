package io.doorstep.gateway.web;

import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's HTTP surface in one place: which path answers what. */
final class WebRoutes {
  /** Nothing on the page comes from elsewhere, and the page is never framed by another site. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'none'";
  private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);

  private WebRoutes() {}

  /**
   * @param secure whether this router answers HTTPS (its cookies are then marked Secure)
   */
  static Router create(Vertx vertx, WebSources sources, EventStreams streams, WebAuth auth, List<WebModule> modules,
      boolean secure) {
    Router router = Router.router(vertx);
    router.route().handler(WebRoutes::securityHeaders);

    ApiHandlers api = new ApiHandlers(sources);
    // Open to monitoring without a login: they carry no personal data.
    router.get("/health").handler(api::health);
    router.get("/metrics").handler(api::metrics);
    // Everything below needs a session whose role may enter the path's area (or is the login page).
    auth.mount(router, secure);
    router.get("/api/events").handler(api::events);
    router.get("/api/devices").handler(api::devices);
    router.get("/api/estate").handler(api::estate);
    router.get("/api/stream").handler(streams::open);
    modules.forEach(m -> m.mount(router));
    router.route("/api/*").handler(ctx -> Replies.error(ctx, 404, "no such API: " + ctx.request().path()));

    router.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("webroot")
        .setDirectoryListing(false)
        .setIncludeHidden(false)
        // the page changes with the gateway's version; a stale app.js after an upgrade would break it
        .setCachingEnabled(false));

    router.errorHandler(500, WebRoutes::internalError);
    return router;
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.next();
  }

  private static void internalError(RoutingContext ctx) {
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    Replies.error(ctx, 500, "internal error");
  }
}
