package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.web.auth.Role.Area;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The session and role check in front of every page, script and API but the open ones
 * ({@link Areas#isOpen}). No session: a page is redirected to the login page, an API answers
 * 401. A role that may not enter the area: 403, with a small page for pages. Otherwise the
 * request goes on with its {@link WebUser} attached.
 *
 * <p>The live board's stream is one request that lasts all shift. It is checked when it opens
 * and is then not cut by the idle clock: while it is open it keeps its session in use, once a
 * minute, so a guard whose board is on screen stays logged in. A change to the account (role,
 * password, disabled) or a logout still ends it within that minute.
 */
final class Guard implements Handler<RoutingContext> {
  static final long STREAM_CHECK_MS = 60_000;

  private final Vertx vertx;
  private final Accounts accounts;
  private final SessionPolicy policy;
  private final SessionStore sessions;

  Guard(Vertx vertx, Accounts accounts, SessionPolicy policy, SessionStore sessions) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.policy = policy;
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (traversal(ctx.request().path())) {
      Replies.error(ctx, 400, "bad path");
      return;
    }
    String path = ctx.normalizedPath();
    if (Areas.isOpen(path)) {
      ctx.next();
      return;
    }
    SessionUser user = current(ctx);
    if (user == null) {
      if (Areas.isApi(path)) {
        Replies.error(ctx, 401, "not logged in");
      } else {
        ctx.response().setStatusCode(302)
            .putHeader("Location", "/login.html?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
            .putHeader("Cache-Control", "no-store")
            .end();
      }
      return;
    }
    Area area = Areas.of(path);
    if (!user.role().mayEnter(area)) {
      if (Areas.isApi(path)) {
        Replies.error(ctx, 403, "the role " + user.role().code() + " may not use this");
      } else {
        ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .sendFile("webroot/forbidden.html");
      }
      return;
    }
    user.webUser().attachTo(ctx);
    SessionUser.touch(ctx.session(), System.currentTimeMillis());
    if (path.equals("/api/stream")) {
      keepAlive(ctx, user);
    }
    ctx.next();
  }

  /** The session's user while the session is valid; ends a session that idled out or was ended. */
  SessionUser current(RoutingContext ctx) {
    Session session = ctx.session();
    SessionUser user = SessionUser.in(session);
    if (user == null) {
      return null;
    }
    long now = System.currentTimeMillis();
    if (now - user.seenMs() > policy.idleMs(user.role()) || accounts.endedSince(user.name(), user.loginMs())) {
      session.destroy();
      return null;
    }
    return user;
  }

  /**
   * Dot segments and encoded slashes have no business in a path the page uses; refusing them
   * outright is simpler to trust than normalizing them right everywhere.
   */
  static boolean traversal(String rawPath) {
    String p = rawPath.toLowerCase(Locale.ROOT);
    return p.contains("..") || p.contains("%2e") || p.contains("%2f") || p.contains("%5c") || p.contains("\\")
        || p.contains("%00") || p.contains("//");
  }

  private void keepAlive(RoutingContext ctx, SessionUser user) {
    String id = ctx.session().id();
    vertx.setPeriodic(STREAM_CHECK_MS, timer -> {
      if (ctx.response().closed() || ctx.response().ended()) {
        vertx.cancelTimer(timer);
        return;
      }
      sessions.get(id).onComplete(found -> {
        Session session = found.succeeded() ? found.result() : null;
        boolean valid = session != null && SessionUser.in(session) != null
            && !accounts.endedSince(user.name(), user.loginMs());
        if (!valid) {
          vertx.cancelTimer(timer);
          ctx.request().connection().close();
          return;
        }
        SessionUser.seen(session, System.currentTimeMillis());
        sessions.put(session);
      });
    });
  }
}
