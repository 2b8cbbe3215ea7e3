package io.doorstep.gateway.store;

import io.doorstep.device.DeviceEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one SQLite file. Whatever a returned future reports as done is on disk and
 * survives kill -9 and a power cut; no call ever blocks the caller's thread.
 *
 * <p>Writes queue for a single writer thread that commits them in batches; reads go to separate
 * connections on worker threads and see the last commit. Futures complete on the Vert.x context
 * that made the call.
 */
public final class Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final Path file;
  private final StoreWriter writer;
  private final ReadPool reads;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Store(Path file, StoreWriter writer, ReadPool reads) {
    this.file = file;
    this.writer = writer;
    this.reads = reads;
  }

  /** Opens (creating if needed) the file, sets WAL and synchronous=FULL, applies pending migrations. Blocking: call at start-up. */
  public static Store open(Vertx vertx, Path file) throws StoreException {
    Objects.requireNonNull(vertx, "vertx");
    Path path = file.toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the directory for " + path + ": " + e, e);
    }
    Connection connection;
    try {
      connection = SqliteConnections.openWriter(path);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + path + ": " + e.getMessage(), e);
    }
    int version;
    ReadPool reads;
    try {
      version = Migrations.apply(connection);
      reads = ReadPool.open(vertx, path);
    } catch (StoreException e) {
      SqliteConnections.closeQuietly(connection);
      throw e;
    } catch (SQLException e) {
      SqliteConnections.closeQuietly(connection);
      throw new StoreException("cannot open read connections to " + path + ": " + e.getMessage(), e);
    }
    StoreWriter writer = new StoreWriter(connection);
    writer.start();
    LOG.info("store {} open at schema version {}", path, version);
    return new Store(path, writer, reads);
  }

  /** Appends one event; completes when it is durably committed. A repeated id is kept once and still succeeds. */
  public Future<Void> append(DeviceEvent event) {
    List<DeviceEvent> one = List.of(event);
    return writer.submit(c -> EventRows.insert(c, one), Integer::longValue).mapEmpty();
  }

  /** Appends events atomically (all or none); completes when durably committed. Repeated ids are kept once. */
  public Future<Void> appendAll(List<DeviceEvent> events) {
    List<DeviceEvent> copy = List.copyOf(events);
    if (copy.isEmpty()) {
      return Future.succeededFuture();
    }
    return writer.submit(c -> EventRows.insert(c, copy), Integer::longValue).mapEmpty();
  }

  /** Newest first; {@code kinds} null or empty means every kind. */
  public Future<List<StoredEvent>> recentEvents(int limit, Set<String> kinds) {
    if (limit < 0) {
      return Future.failedFuture(new IllegalArgumentException("limit must not be negative: " + limit));
    }
    Set<String> wanted = kinds == null ? Set.of() : Set.copyOf(kinds);
    return reads.read(c -> EventRows.recent(c, limit, wanted));
  }

  /** Oldest first, strictly after {@code seq}. */
  public Future<List<StoredEvent>> eventsAfter(long seq, int limit) {
    if (limit < 0) {
      return Future.failedFuture(new IllegalArgumentException("limit must not be negative: " + limit));
    }
    return reads.read(c -> EventRows.after(c, seq, limit));
  }

  /** Every person with their cards, ordered by id. */
  public Future<List<PersonRecord>> persons() {
    return reads.read(PersonRows::all);
  }

  /** Inserts or replaces persons and their cards, in one transaction. */
  public Future<Void> upsertPersons(List<PersonRecord> persons) {
    List<PersonRecord> copy = List.copyOf(persons);
    if (copy.isEmpty()) {
      return Future.succeededFuture();
    }
    return writer.submit(c -> {
      PersonRows.upsert(c, copy);
      return null;
    });
  }

  public Future<Long> countPersons() {
    return reads.read(PersonRows::count);
  }

  /** Records a device's last known presence (devices table). */
  public Future<Void> saveDeviceState(String deviceId, String type, boolean online, long lastSeenMs) {
    return writer.submit(c -> {
      DeviceRows.save(c, deviceId, type, online, lastSeenMs);
      return null;
    });
  }

  public Future<Void> audit(String actor, String action, String target, String before, String after) {
    return writer.submit(c -> {
      AuditRows.insert(c, actor, action, target, before, after);
      return null;
    });
  }

  public StoreHealth health() {
    return writer.health();
  }

  /**
   * Publishes the writer's queue depth, commits, events written, batch sizes, commit time and
   * failed writes under {@code doorstep.store.*}. May be called more than once, for several registries.
   */
  public void bindMetrics(MeterRegistry registry) {
    writer.metrics().bind(registry);
  }

  /**
   * Runs a domain's own statements on the one writer, inside its group-commit transaction; the
   * future completes once that transaction is durably committed. The work must not begin or
   * commit, and must be quick: every other write waits behind it.
   */
  public <T> Future<T> write(SqlWork<T> work) {
    return writer.submit(work);
  }

  /** Runs a domain's own query on a read connection, off the event loop. */
  public <T> Future<T> read(SqlWork<T> work) {
    return reads.read(work);
  }

  StoreMetrics metrics() {
    return writer.metrics();
  }

  /** Flushes queued writes, then closes every connection. Writes submitted afterwards fail. Blocking. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writer.close();
    reads.close();
    LOG.info("store {} closed", file);
  }
}
