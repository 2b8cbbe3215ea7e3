package io.doorstep.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.ToLongFunction;

/**
 * A queued write and the caller waiting for it. The result is kept until the batch commits:
 * completing earlier would acknowledge something a rollback could still undo.
 */
final class PendingWrite<T> {

  /** Put on the queue by close(): everything before it is written, everything after refused. */
  static final PendingWrite<Void> STOP = new PendingWrite<>(c -> null, r -> 0, null);

  private final SqlWork<T> work;
  private final ToLongFunction<? super T> eventsWritten;
  private final Context context;
  private final Promise<T> promise = Promise.promise();
  private T result;

  PendingWrite(SqlWork<T> work, ToLongFunction<? super T> eventsWritten, Context context) {
    this.work = work;
    this.eventsWritten = eventsWritten;
    this.context = context;
  }

  Future<T> future() {
    return promise.future();
  }

  void run(Connection c) throws SQLException {
    result = work.apply(c);
  }

  long eventsWritten() {
    return eventsWritten.applyAsLong(result);
  }

  void succeed() {
    T value = result;
    onCallerContext(() -> promise.tryComplete(value));
  }

  void fail(Throwable cause) {
    onCallerContext(() -> promise.tryFail(cause));
  }

  /** Callers' handlers must run where they would have run had the write been synchronous. */
  private void onCallerContext(Runnable completion) {
    if (context == null) {
      completion.run();
    } else {
      context.runOnContext(v -> completion.run());
    }
  }
}
