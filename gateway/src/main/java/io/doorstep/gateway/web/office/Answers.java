package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.people.FieldProblem;
import io.doorstep.gateway.people.PeopleException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office API's answers. A refusal is {@code {"error": …, "field": …}} naming the first field
 * at fault, with every field's problem in {@code "problems"} so a form can mark each one.
 */
final class Answers {
  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  private Answers() {}

  static void fieldError(RoutingContext ctx, int status, String field, String message) {
    Replies.json(ctx, status, new JsonObject().put("error", message).put("field", field)
        .put("problems", new JsonArray().add(new JsonObject().put("field", field).put("error", message))));
  }

  static void fieldErrors(RoutingContext ctx, int status, List<FieldProblem> problems) {
    JsonArray list = new JsonArray();
    problems.forEach(p -> list.add(new JsonObject().put("field", p.field().english()).put("error", p.reason())));
    Replies.json(ctx, status, new JsonObject()
        .put("error", problems.get(0).reason())
        .put("field", problems.get(0).field().english())
        .put("problems", list));
  }

  /** A refused change as the form shows it; anything else is the gateway's fault, not the user's. */
  static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof PeopleException p) {
      int status = switch (p.code()) {
        case INVALID -> 400;
        case NOT_FOUND -> 404;
        case EXISTS, CONFLICT -> 409;
      };
      if (!p.problems().isEmpty()) {
        fieldErrors(ctx, status, p.problems());
      } else if (p.code() == PeopleException.Code.EXISTS) {
        fieldError(ctx, status, "id", p.getMessage());
      } else {
        Replies.error(ctx, status, p.getMessage());
      }
      return;
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
    Replies.error(ctx, 500, "internal error");
  }
}
