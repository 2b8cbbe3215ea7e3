package io.doorstep.gateway.fire;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the reset requests {@code doorstep fire-reset} leaves in the data directory (see
 * {@link ResetRequests}). Each request is claimed by renaming it first, so that the command
 * line can tell "not yet seen" (it may withdraw it) from "being answered".
 */
public final class ResetRequestWatcher extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ResetRequestWatcher.class);
  /** A person waits for the answer; half a second is quick enough and costs nothing. */
  static final long POLL_MS = 500;
  private static final DeliveryOptions RESET = new DeliveryOptions().setSendTimeout(15_000);

  private record Claimed(String id, ResetRequests.Request request, String problem) {}

  private final Path dir;
  private boolean polling;

  public ResetRequestWatcher(Path dataDir) {
    this.dir = ResetRequests.directory(dataDir);
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(dir);
      dropLeftovers();
      return null;
    }).onSuccess(x -> vertx.setPeriodic(POLL_MS, id -> poll()));
  }

  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    vertx.executeBlocking(this::claimAll)
        .compose(claimed -> Future.join(claimed.stream().map(this::answer).toList()))
        .onComplete(done -> {
          polling = false;
          if (done.failed()) {
            log.warn("fire reset requests in {}: {}", dir, done.cause().getMessage());
          }
        });
  }

  private List<Claimed> claimAll() throws IOException {
    List<Claimed> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + ResetRequests.REQUEST)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ResetRequests.REQUEST.length());
        if (ResetRequests.ID.matcher(id).matches()) {
          Claimed c = claim(id);
          if (c != null) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  private Claimed claim(String id) throws IOException {
    Path claimed = ResetRequests.claimed(dir, id);
    try {
      Files.move(ResetRequests.request(dir, id), claimed, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return null; // withdrawn by the command line in the meantime
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename in " + dir + ": " + e.getMessage(), e);
    }
    if (Files.size(claimed) > ResetRequests.MAX_BYTES) {
      return new Claimed(id, null, "the request file is too large");
    }
    try {
      ResetRequests.Request request = ResetRequests.Request.parse(Files.readString(claimed, StandardCharsets.UTF_8));
      long age = System.currentTimeMillis() - request.ts();
      return age > ResetRequests.MAX_AGE_MS || age < -ResetRequests.MAX_AGE_MS
          ? new Claimed(id, null, "the request is " + age / 1000 + " s old; nobody waits for it, run the reset again")
          : new Claimed(id, request, null);
    } catch (IllegalArgumentException e) {
      return new Claimed(id, null, e.getMessage());
    }
  }

  private Future<Void> answer(Claimed c) {
    Future<ResetRequests.Result> result = c.problem() != null
        ? Future.succeededFuture(new ResetRequests.Result(ResetRequests.Outcome.REFUSED, c.problem()))
        : vertx.eventBus().<FireBus.ResetDone>request(FireBus.RESET,
                new FireBus.Reset(c.request().by(), c.request().role()), RESET)
            .map(reply -> done(reply.body()))
            .recover(e -> Future.succeededFuture(failed(e)));
    return result.compose(r -> vertx.executeBlocking(() -> {
      ResetRequests.writeAtomically(ResetRequests.result(dir, c.id()), r.toJson().encode());
      Files.deleteIfExists(ResetRequests.claimed(dir, c.id()));
      return null;
    }));
  }

  private static ResetRequests.Result done(FireBus.ResetDone done) {
    return done.ended()
        ? new ResetRequests.Result(ResetRequests.Outcome.RESET, "fire mode reset by " + done.by() + " (" + done.role()
            + "); " + done.devices() + " egress devices are told to end their hold")
        : new ResetRequests.Result(ResetRequests.Outcome.NOT_ACTIVE, "not in fire mode; nothing to reset");
  }

  private static ResetRequests.Result failed(Throwable e) {
    boolean refused = e instanceof ReplyException r
        && (r.failureCode() == FireBus.NOT_ALLOWED || r.failureCode() == FireBus.STILL_ALARMING
            || r.failureCode() == FireBus.INVALID);
    return new ResetRequests.Result(refused ? ResetRequests.Outcome.REFUSED : ResetRequests.Outcome.FAILED,
        e.getMessage());
  }

  /**
   * Requests claimed before a restart were never answered, and answers from before it were not
   * collected: nobody waits for either any more.
   */
  private void dropLeftovers() throws IOException {
    for (String suffix : new String[] {ResetRequests.CLAIMED, ResetRequests.RESULT}) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
