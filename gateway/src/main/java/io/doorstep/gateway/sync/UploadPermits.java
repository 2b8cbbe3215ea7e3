package io.doorstep.gateway.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Bounds how many terminals receive faces at once, first come first served. Each upload holds
 * up to 4 MiB of photos plus their encoding, so an estate of 50 terminals syncing together would
 * otherwise need hundreds of MiB. Confined to the sync verticle's context.
 */
final class UploadPermits {
  private final Queue<Promise<Void>> waiting = new ArrayDeque<>();
  private int free;

  UploadPermits(int permits) {
    this.free = permits;
  }

  Future<Void> acquire() {
    if (free > 0) {
      free--;
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    waiting.add(p);
    return p.future();
  }

  void release() {
    Promise<Void> next = waiting.poll();
    if (next != null) {
      next.complete();
    } else {
      free++;
    }
  }
}
