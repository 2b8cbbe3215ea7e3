package io.doorstep.gateway.people;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.LocalCodec;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real gateway's people side in a temporary directory: Vert.x, the SQLite store, the vault with
 * its key file, the service over the reference estate, and a record of PersonsChanged messages.
 */
final class PeopleFixture implements AutoCloseable {

  /** Only a guard against a hung test; no test depends on anything finishing within it. */
  private static final long PATIENCE_S = 60;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Path CONFIG = Path.of("..", "config");

  final Path dataDir;
  final Vertx vertx;
  final Store store;
  final FaceVault faces;
  final PeopleService people;
  final List<PersonsChanged> changes = new CopyOnWriteArrayList<>();

  PeopleFixture(Path dataDir) throws Exception {
    this.dataDir = dataDir;
    vertx = Vertx.vertx();
    LocalCodec.register(vertx.eventBus(), PersonsChanged.class);
    vertx.eventBus().<PersonsChanged>consumer(Addresses.PERSONS_CHANGED, m -> changes.add(m.body()));
    store = Store.open(vertx, dataDir.resolve("doorstep.db"));
    faces = new FaceVault(vertx, store, dataDir);
    people = new PeopleService(vertx, store, faces, estate(), ZONE);
  }

  static EstateConfig estate() throws Exception {
    return ConfigLoader.loadEstate(CONFIG.resolve("estates/xihu-haoyuan.yaml"));
  }

  /** A JPEG as far as the first bytes go: terminals judge the face, the gateway only the format. */
  static byte[] jpeg(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    return b;
  }

  /** Rows of a query, each as its columns' text, for looking at the tables the way an operator would. */
  List<List<String>> rows(String sql, Object... params) {
    return await(store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<List<String>> out = new ArrayList<>();
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              row.add(rs.getString(i));
            }
            out.add(row);
          }
          return out;
        }
      }
    }));
  }

  long count(String table) {
    return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0).get(0));
  }

  /** Waits until the bus delivered {@code n} PersonsChanged messages; the publish happens before the future completes, the delivery just after. */
  List<PersonsChanged> changes(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_S);
    while (changes.size() < n) {
      if (System.nanoTime() > deadline) {
        fail("expected " + n + " PersonsChanged messages, got " + changes);
      }
      await(vertx.timer(5));
    }
    return List.copyOf(changes);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(PATIENCE_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(PATIENCE_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
    return fail("expected the future to fail");
  }

  static PeopleException refusal(Future<?> future, PeopleException.Code code) {
    Throwable t = failure(future);
    assertTrue(t instanceof PeopleException, "expected a PeopleException, got " + t);
    PeopleException e = (PeopleException) t;
    if (e.code() != code) {
      fail("expected " + code + ", got " + e.code() + ": " + e.getMessage());
    }
    return e;
  }

  @Override
  public void close() {
    store.close();
    await(vertx.close());
  }
}
