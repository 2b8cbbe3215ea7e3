package io.doorstep.gateway.web.office;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.ext.web.RoutingContext;

/**
 * The office's CSV, sent as the request body (UTF-8 or GBK, as exported). The answer is the
 * import's own report, row by row; {@code ?dryRun=true} only says what an import would do.
 */
final class ImportRoute {
  /** A whole estate's list is well under 1 MiB; ten times that is no list an office exports. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private final PeopleService people;

  ImportRoute(PeopleService people) {
    this.people = people;
  }

  void run(RoutingContext ctx) {
    byte[] file = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (file.length == 0) {
      Answers.fieldError(ctx, 400, "file", "the file is empty: choose the CSV exported from the office's list");
      return;
    }
    boolean dryRun = "true".equals(ctx.request().getParam("dryRun"));
    people.importCsv(WebUser.of(ctx).name(), file, dryRun).onComplete(ar -> {
      if (ar.failed()) {
        Answers.failed(ctx, ar.cause());
      } else {
        // 200 even when refused: the report is the answer, and it says what stands in the way.
        Replies.json(ctx, 200, ar.result().toJson().put("ok", ar.result().ok()));
      }
    });
  }
}
