package io.doorstep.gateway.sync;

import io.doorstep.gateway.people.FacePhotos;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads face photos a few at a time and hands each to the caller on the sync's context, one by
 * one, so that the caller can fingerprint and drop it: 3,200 photos of 30 KiB must never be in
 * memory together. Whatever thread {@link FacePhotos} completes on, the caller's state stays
 * confined to its context.
 */
final class FaceReader {
  /** Called on the sync's context for each photo: present, absent (no face), or failed. */
  @FunctionalInterface
  interface Sink {
    void accept(String personId, AsyncResult<Optional<byte[]>> photo);
  }

  private final FacePhotos photos;
  private final Context context;
  private final int parallel;

  FaceReader(FacePhotos photos, Context context, int parallel) {
    this.photos = photos;
    this.context = context;
    this.parallel = parallel;
  }

  /** Completes once every photo has been handed to {@code sink}; never fails. */
  Future<Void> read(List<String> personIds, Sink sink) {
    Promise<Void> done = Promise.promise();
    new Run(List.copyOf(personIds).iterator(), sink, done).pump();
    return done.future();
  }

  private final class Run {
    private final Iterator<String> ids;
    private final Sink sink;
    private final Promise<Void> done;
    private int active;

    Run(Iterator<String> ids, Sink sink, Promise<Void> done) {
      this.ids = ids;
      this.sink = sink;
      this.done = done;
    }

    void pump() {
      while (active < parallel && ids.hasNext()) {
        String id = ids.next();
        active++;
        photoOf(id).onComplete(ar -> context.runOnContext(v -> {
          active--;
          sink.accept(id, ar);
          pump();
        }));
      }
      if (active == 0 && !ids.hasNext()) {
        done.tryComplete();
      }
    }
  }

  private Future<Optional<byte[]>> photoOf(String id) {
    try {
      Future<Optional<byte[]>> f = photos.photo(id);
      return f == null ? Future.failedFuture(new IllegalStateException("no answer for " + id)) : f;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
