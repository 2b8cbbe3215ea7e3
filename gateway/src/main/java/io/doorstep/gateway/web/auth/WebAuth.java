package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, sessions and who may reach what. Mounted in front of every route but /health and
 * /metrics: the anti-forgery check on every change, the session, the guard that sends a request
 * without a session to the login page (or answers 401) and one whose role may not enter the
 * area 403, then the login, logout and set-up API.
 *
 * <p>Sessions live in memory ({@link LocalSessionStore}): a restart of the gateway logs everyone
 * out, which on a booth box is acceptable and keeps no session secrets on disk.
 */
public final class WebAuth implements AutoCloseable {
  public static final String SESSION_COOKIE = "doorstep.session";
  public static final String XSRF_COOKIE = "XSRF-TOKEN";
  public static final String XSRF_HEADER = "X-XSRF-TOKEN";
  private static final Logger LOG = LoggerFactory.getLogger(WebAuth.class);

  private final Vertx vertx;
  private final Accounts accounts;
  private final SessionPolicy policy;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final SetupToken setup = new SetupToken();
  /** Signs the anti-forgery tokens; new at every start, like the sessions it goes with. */
  private final String csrfSecret;

  public WebAuth(Vertx vertx, Accounts accounts, SessionPolicy policy, MeterRegistry registry) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.policy = policy;
    this.sessions = LocalSessionStore.create(vertx, "doorstep.web.sessions");
    this.throttle = new LoginThrottle(registry, System::currentTimeMillis);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.csrfSecret = Base64.getEncoder().encodeToString(secret);
  }

  public Accounts accounts() {
    return accounts;
  }

  /**
   * Puts the checks in front of everything mounted on {@code router} afterwards.
   *
   * @param secure whether the router serves HTTPS: the cookies are then marked Secure
   */
  public void mount(Router router, boolean secure) {
    router.route().handler(SessionHandler.create(sessions)
        .setSessionCookieName(SESSION_COOKIE)
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(secure)
        .setCookieSameSite(CookieSameSite.STRICT)
        .setNagHttps(false)
        .setSessionTimeout(policy.longestMs()));
    // A change without the header is refused here, plainly: the handler below would look for the
    // token in a form body next, which the areas' JSON routes do not parse.
    router.route().handler(ctx -> {
      HttpMethod m = ctx.request().method();
      boolean safe = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
      if (!safe && ctx.request().getHeader(XSRF_HEADER) == null) {
        Replies.error(ctx, 403, "the page's anti-forgery token is missing: reload the page and try again");
        return;
      }
      ctx.next();
    });
    // After the session, which keeps the token: one token per session, so a page's requests in
    // flight never race a fresh cookie (without a session every GET would mint a new one).
    router.route().handler(CSRFHandler.create(vertx, csrfSecret)
        .setCookieName(XSRF_COOKIE)
        .setHeaderName(XSRF_HEADER)
        .setCookieSecure(secure)
        .setNagHttps(false)
        // a board open all shift must still be able to acknowledge an alarm at its end
        .setTimeout(policy.longestMs()));
    Guard guard = new Guard(vertx, accounts, policy, sessions);
    router.route().handler(guard);
    router.route("/api/session/*").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    new SessionApi(accounts, throttle, setup, guard).mount(router);
    router.errorHandler(403, ctx -> Replies.error(ctx, 403,
        "the page's anti-forgery token is missing or stale: reload the page and try again"));
  }

  /**
   * While no one can log in, makes a one-time set-up link for the first admin, logs it and
   * prints it on standard output; completes with the link, or null when there are users.
   *
   * @param baseUrl where the page is reached on this computer, e.g. http://127.0.0.1:8080
   */
  public Future<String> announceSetup(String baseUrl) {
    return accounts.count().map(n -> {
      if (n > 0) {
        return null;
      }
      String link = baseUrl + "/setup.html#token=" + setup.issue();
      LOG.warn("no one can log in to the web page yet: create the first admin at {} (or with"
          + " './doorstep admin create --name NAME --role admin')", link);
      System.out.println("Create the first admin of the web page: " + link);
      return link;
    });
  }

  @Override
  public void close() {
    sessions.close();
  }
}
