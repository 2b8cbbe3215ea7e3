package io.doorstep.gateway.web.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * The person behind a request, as the session handler found them. Every handler that changes
 * something names them in the audit log through {@link #of(RoutingContext)}.
 */
public record WebUser(String name, Role role) {
  static final String CONTEXT_KEY = "doorstep.user";

  /** The request's user; a route reached without a session is a wiring mistake, not a guest. */
  public static WebUser of(RoutingContext ctx) {
    WebUser user = ctx.get(CONTEXT_KEY);
    if (user == null) {
      throw new IllegalStateException(ctx.request().path() + " is served without a session check");
    }
    return user;
  }

  /** Set by the session handler once the session is valid. */
  public void attachTo(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, this);
  }
}
