package io.doorstep.gateway.store;

import io.doorstep.device.DeviceEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The gateway's one SQLite file. SKELETON: signatures fixed, bodies to be written.
 */
public final class Store implements AutoCloseable {

  /** Opens (creating if needed) the file, sets WAL and synchronous=FULL, applies pending migrations. Blocking: call at start-up. */
  public static Store open(Vertx vertx, Path file) throws StoreException {
    throw new UnsupportedOperationException();
  }

  /** Appends one event; completes when it is durably committed. A repeated id is kept once and still succeeds. */
  public Future<Void> append(DeviceEvent event) {
    throw new UnsupportedOperationException();
  }

  /** Appends events atomically (all or none); completes when durably committed. Repeated ids are kept once. */
  public Future<Void> appendAll(List<DeviceEvent> events) {
    throw new UnsupportedOperationException();
  }

  /** Newest first; {@code kinds} null or empty means every kind. */
  public Future<List<StoredEvent>> recentEvents(int limit, Set<String> kinds) {
    throw new UnsupportedOperationException();
  }

  /** Oldest first, strictly after {@code seq}. */
  public Future<List<StoredEvent>> eventsAfter(long seq, int limit) {
    throw new UnsupportedOperationException();
  }

  public Future<List<PersonRecord>> persons() {
    throw new UnsupportedOperationException();
  }

  /** Inserts or replaces persons and their cards, in one transaction. */
  public Future<Void> upsertPersons(List<PersonRecord> persons) {
    throw new UnsupportedOperationException();
  }

  public Future<Long> countPersons() {
    throw new UnsupportedOperationException();
  }

  /** Records a device's last known presence (devices table). */
  public Future<Void> saveDeviceState(String deviceId, String type, boolean online, long lastSeenMs) {
    throw new UnsupportedOperationException();
  }

  public Future<Void> audit(String actor, String action, String target, String before, String after) {
    throw new UnsupportedOperationException();
  }

  public StoreHealth health() {
    throw new UnsupportedOperationException();
  }

  /** Flushes queued writes, then closes every connection. */
  @Override
  public void close() {
    throw new UnsupportedOperationException();
  }
}
