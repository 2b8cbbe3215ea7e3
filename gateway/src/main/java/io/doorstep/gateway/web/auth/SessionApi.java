package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.web.auth.Role.Area;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/session/}: log in, log out, who am I, and the first admin's set-up. A refused
 * login says the same whatever was wrong (no such name, wrong password, disabled), after the
 * same work, so it never tells whether a name exists.
 */
final class SessionApi {
  static final String WRONG = "wrong name or password";
  private static final int MAX_NAME = 64;
  private static final int MAX_PASSWORD = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(SessionApi.class);

  private final Accounts accounts;
  private final LoginThrottle throttle;
  private final SetupToken setup;
  private final Guard guard;

  SessionApi(Accounts accounts, LoginThrottle throttle, SetupToken setup, Guard guard) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.setup = setup;
    this.guard = guard;
  }

  void mount(Router router) {
    router.post("/api/session/login").handler(this::login);
    router.post("/api/session/logout").handler(this::logout);
    router.get("/api/session/me").handler(this::me);
    router.get("/api/session/setup").handler(this::setupState);
    router.post("/api/session/setup").handler(this::setup);
  }

  private void login(RoutingContext ctx) {
    String name;
    String password;
    try {
      JsonObject body = Answers.body(ctx);
      name = Answers.text(body, "name", MAX_NAME, false).trim();
      password = Answers.text(body, "password", MAX_PASSWORD, false);
      if (name.isEmpty()) {
        throw new Answers.BadField("name", "required");
      }
      if (password.isEmpty()) {
        throw new Answers.BadField("password", "required");
      }
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
      return;
    }
    String address = ctx.request().remoteAddress().hostAddress();
    long waitMs = throttle.waitMs(name, address);
    if (waitMs > 0) {
      long seconds = (waitMs + 999) / 1000;
      ctx.response().putHeader("Retry-After", String.valueOf(seconds));
      Replies.json(ctx, 429, new JsonObject()
          .put("error", "too many failed logins: try again in " + seconds + " s")
          .put("retryAfterS", seconds));
      return;
    }
    accounts.verify(name, password).onComplete(checked -> {
      if (checked.failed()) {
        ctx.fail(checked.cause());
        return;
      }
      WebAccount account = checked.result();
      if (account == null) {
        throttle.failed(name, address);
        // answered once it is on record: the audit log is complete when the person reads it
        accounts.audit(name, "login.failed", address, null, null)
            .onComplete(v -> Replies.field(ctx, 401, "password", WRONG));
        return;
      }
      throttle.succeeded(name);
      Session session = ctx.session();
      // a new id at login: a session id planted before it is worth nothing after
      session.regenerateId();
      long now = System.currentTimeMillis();
      new SessionUser(account.name(), account.role(), now, now).writeTo(session);
      // The anti-forgery token belongs to the old session id: the next page load (a GET) issues
      // the new session's, which every change after the login then carries.
      Future.join(accounts.loggedIn(account.name()), accounts.audit(account.name(), "login", address, null, null))
          .onComplete(v -> Replies.json(ctx, 200, describe(account.name(), account.role())));
    });
  }

  private void logout(RoutingContext ctx) {
    SessionUser user = SessionUser.in(ctx.session());
    if (ctx.session() != null) {
      ctx.session().destroy();
    }
    Future<Void> recorded = user == null ? Future.succeededFuture()
        : accounts.audit(user.name(), "logout", ctx.request().remoteAddress().hostAddress(), null, null);
    recorded.onComplete(v -> Replies.json(ctx, 200, new JsonObject().put("loggedOut", true)));
  }

  private void me(RoutingContext ctx) {
    SessionUser user = guard.current(ctx);
    if (user == null) {
      Replies.error(ctx, 401, "not logged in");
      return;
    }
    Replies.json(ctx, 200, describe(user.name(), user.role()));
  }

  private void setupState(RoutingContext ctx) {
    accounts.count().onComplete(n -> {
      if (n.failed()) {
        ctx.fail(n.cause());
      } else {
        Replies.json(ctx, 200, new JsonObject().put("needed", n.result() == 0));
      }
    });
  }

  private void setup(RoutingContext ctx) {
    String token;
    String name;
    String password;
    try {
      JsonObject body = Answers.body(ctx);
      token = Answers.text(body, "token", 200, false);
      name = Answers.text(body, "name", MAX_NAME, false).trim();
      password = Answers.text(body, "password", MAX_PASSWORD, false);
      String problem = Accounts.nameProblem(name);
      if (problem != null) {
        throw new Answers.BadField("name", problem);
      }
      problem = Passwords.problem(password);
      if (problem != null) {
        throw new Answers.BadField("password", problem);
      }
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
      return;
    }
    accounts.count().onComplete(n -> {
      if (n.failed()) {
        ctx.fail(n.cause());
        return;
      }
      if (n.result() > 0) {
        Replies.field(ctx, 409, "token", "the gateway already has users: log in instead");
        return;
      }
      if (!setup.take(token)) {
        Replies.field(ctx, 403, "token",
            "this set-up link is not valid: use the link the gateway printed when it last started");
        return;
      }
      accounts.createFirstAdmin(name, password).onComplete(created -> {
        if (created.failed()) {
          LOG.warn("the first admin was not created ({}); restart the gateway for a new set-up link",
              created.cause().getMessage());
          Answers.fail(ctx, created.cause());
        } else if (!created.result()) {
          Replies.field(ctx, 409, "token", "the gateway already has users: log in instead");
        } else {
          LOG.info("web page: first admin '{}' created through the set-up link", name);
          Replies.json(ctx, 201, new JsonObject().put("name", name).put("role", Role.ADMIN.code()));
        }
      });
    });
  }

  private static JsonObject describe(String name, Role role) {
    JsonArray areas = new JsonArray();
    for (Area area : Area.values()) {
      if (role.mayEnter(area)) {
        areas.add(area.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return new JsonObject().put("name", name).put("role", role.code()).put("areas", areas)
        .put("home", Areas.home(role));
  }
}
