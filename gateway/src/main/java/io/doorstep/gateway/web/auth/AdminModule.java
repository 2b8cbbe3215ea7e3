package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.WebModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * The admin area's API, {@code /api/admin/}: the users (list, create, change role, reset
 * password, disable) and the audit log. The guard lets only admins this far; every change is
 * audited under the acting admin's name by {@link Accounts}.
 */
public final class AdminModule implements WebModule {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private final Accounts accounts;
  private final Store store;

  public AdminModule(Accounts accounts, Store store) {
    this.accounts = accounts;
    this.store = store;
  }

  @Override
  public void mount(Router router) {
    router.route("/api/admin/*").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.get("/api/admin/users").handler(this::list);
    router.post("/api/admin/users").handler(this::create);
    router.put("/api/admin/users/:name").handler(this::change);
    router.post("/api/admin/users/:name/password").handler(this::resetPassword);
    router.get("/api/admin/audit").handler(this::audit);
  }

  private void list(RoutingContext ctx) {
    reply(ctx, accounts.list().map(users -> {
      JsonArray out = new JsonArray();
      users.forEach(u -> out.add(u.toJson()));
      return new JsonObject().put("users", out);
    }), 200);
  }

  private void create(RoutingContext ctx) {
    try {
      JsonObject body = Answers.body(ctx);
      String name = Answers.text(body, "name", 64, false).trim();
      Role role = role(Answers.text(body, "role", 32, false));
      String password = Answers.text(body, "password", 1000, false);
      reply(ctx, accounts.create(WebUser.of(ctx).name(), name, role, password).map(WebAccount::toJson), 201);
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
    }
  }

  /** {"role": …} and/or {"disabled": true|false}. */
  private void change(RoutingContext ctx) {
    String actor = WebUser.of(ctx).name();
    String name = ctx.pathParam("name");
    try {
      JsonObject body = Answers.body(ctx);
      String roleText = Answers.text(body, "role", 32, true);
      Object disabled = body.getValue("disabled");
      if (disabled != null && !(disabled instanceof Boolean)) {
        throw new Answers.BadField("disabled", "expected true or false");
      }
      if (roleText == null && disabled == null) {
        throw new Answers.BadField("role", "nothing to change: give role or disabled");
      }
      Future<Void> done = Future.succeededFuture();
      if (roleText != null) {
        Role role = role(roleText);
        done = done.compose(v -> accounts.changeRole(actor, name, role));
      }
      if (disabled != null) {
        done = done.compose(v -> accounts.setDisabled(actor, name, (Boolean) disabled));
      }
      reply(ctx, done.map(v -> new JsonObject().put("name", name)), 200);
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
    }
  }

  private void resetPassword(RoutingContext ctx) {
    try {
      String password = Answers.text(Answers.body(ctx), "password", 1000, false);
      reply(ctx, accounts.resetPassword(WebUser.of(ctx).name(), ctx.pathParam("name"), password)
          .map(v -> new JsonObject().put("name", ctx.pathParam("name"))), 200);
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
    }
  }

  private void audit(RoutingContext ctx) {
    try {
      String actor = single(ctx, "actor", 64);
      String action = single(ctx, "action", 64);
      String beforeText = single(ctx, "before", 20);
      String limitText = single(ctx, "limit", 4);
      Long before = beforeText == null ? null : number(beforeText, "before", 1, Long.MAX_VALUE);
      int limit = limitText == null ? DEFAULT_PAGE : (int) number(limitText, "limit", 1, MAX_PAGE);
      AuditQuery query = new AuditQuery(actor, action, before, limit);
      reply(ctx, store.read(query::run).map(rows -> {
        // a full page may have more behind it; the client asks with before = the last seq
        Long next = rows.size() == limit ? rows.get(rows.size() - 1).getLong("seq") : null;
        return new JsonObject().put("rows", new JsonArray(List.copyOf(rows))).put("next", next);
      }), 200);
    } catch (Answers.BadField e) {
      Answers.fail(ctx, e);
    }
  }

  private static Role role(String code) {
    Role role = Role.byCode(code);
    if (role == null) {
      throw new Answers.BadField("role", "one of guard, technician, office, admin");
    }
    return role;
  }

  private static String single(RoutingContext ctx, String name, int max) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    if (values.size() > 1) {
      throw new Answers.BadField(name, "given more than once");
    }
    String value = values.get(0).trim();
    if (value.length() > max) {
      throw new Answers.BadField(name, "at most " + max + " characters");
    }
    return value;
  }

  private static long number(String text, String field, long min, long max) {
    try {
      long n = Long.parseLong(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new Answers.BadField(field, "a whole number from " + min + " to " + max);
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> result, int status) {
    result.onComplete(done -> {
      if (done.succeeded()) {
        Replies.json(ctx, status, done.result());
      } else {
        Answers.fail(ctx, done.cause());
      }
    });
  }
}
