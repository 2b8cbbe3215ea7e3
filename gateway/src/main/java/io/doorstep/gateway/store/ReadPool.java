package io.doorstep.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Read connections of their own: under WAL a reader sees the last commit and never waits for the
 * writer, so the page and upstream sync cannot slow down a door. Reads run on Vert.x workers,
 * never on an event loop.
 */
final class ReadPool {

  static final int SIZE = 2;

  private final Vertx vertx;
  private final List<Connection> all;
  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;

  private ReadPool(Vertx vertx, List<Connection> connections) {
    this.vertx = vertx;
    this.all = List.copyOf(connections);
    this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
  }

  static ReadPool open(Vertx vertx, Path file) throws SQLException {
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < SIZE; i++) {
        connections.add(SqliteConnections.openReader(file));
      }
    } catch (SQLException | RuntimeException e) {
      connections.forEach(SqliteConnections::closeQuietly);
      throw e;
    }
    return new ReadPool(vertx, connections);
  }

  /** Unordered: two reads from one verticle need not queue behind each other. */
  <T> Future<T> read(SqlWork<T> work) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("store is closed"));
    }
    return vertx.executeBlocking(() -> {
      Connection c = idle.take();
      try {
        if (closed) {
          throw new IllegalStateException("store is closed");
        }
        return work.apply(c);
      } finally {
        idle.add(c);
      }
    }, false);
  }

  /** Waits for reads in progress to give their connection back, then closes every connection. */
  void close() {
    closed = true;
    List<Connection> taken = new ArrayList<>();
    boolean interrupted = false;
    while (taken.size() < all.size()) {
      try {
        taken.add(idle.take());
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    all.forEach(SqliteConnections::closeQuietly);
    // Reads already waiting for a connection get a closed one back and fail instead of hanging.
    idle.addAll(taken);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
