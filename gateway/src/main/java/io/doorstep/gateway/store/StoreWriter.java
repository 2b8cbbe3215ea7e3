package io.doorstep.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that writes to the file. One platform thread owns the write connection, so SQLite
 * never sees two writers, and it commits whatever has queued up meanwhile as one transaction: the
 * fsync that synchronous=FULL demands is then paid once per batch, which is what lets a burst of
 * door events be durable without any door waiting on the disk.
 */
final class StoreWriter {

  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

  /** Writes taken after the first into one transaction; bounds how long one commit can hold the lock. */
  static final int MAX_DRAIN = 1000;

  /**
   * Beyond this the disk has fallen far behind; failing new writes at once is better than letting
   * a small gateway run out of memory and lose everything still queued.
   */
  static final int QUEUE_CAPACITY = 100_000;

  private final Connection connection;
  private final StoreMetrics metrics;
  private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread thread;
  private volatile boolean closing;
  private volatile WriterStatus status = new WriterStatus(true, 0, null);

  private record WriterStatus(boolean ok, long lastCommitMs, String lastError) {}

  StoreWriter(Connection connection) {
    this.connection = connection;
    this.metrics = new StoreMetrics(queue::size);
    this.thread = new Thread(this::run, "doorstep-store-writer");
    // Acknowledged writes are already on disk; a forgotten close() must not keep the JVM alive.
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  StoreMetrics metrics() {
    return metrics;
  }

  /** Never blocks: the caller may be an event loop. The future completes on the caller's context. */
  <T> Future<T> submit(SqlWork<T> work, ToLongFunction<? super T> eventsWritten) {
    if (closing) {
      return Future.failedFuture(closed());
    }
    PendingWrite<T> write = new PendingWrite<>(work, eventsWritten, Vertx.currentContext());
    if (!queue.offer(write)) {
      metrics.failed();
      return Future.failedFuture(new IllegalStateException("store write queue is full (" + QUEUE_CAPACITY + " writes)"));
    }
    // close() may have slipped in between the check above and the offer, and the writer may be
    // gone already; taking the write back out means nobody else will complete it.
    if (closing && queue.remove(write)) {
      return Future.failedFuture(closed());
    }
    return write.future();
  }

  <T> Future<T> submit(SqlWork<T> work) {
    return submit(work, result -> 0);
  }

  StoreHealth health() {
    WriterStatus s = status;
    return new StoreHealth(s.ok(), queue.size(), s.lastCommitMs(), s.lastError());
  }

  /** Blocks until every write queued before this call is committed or failed. */
  void close() {
    closing = true;
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(PendingWrite.STOP);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    SqliteConnections.closeQuietly(connection);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<PendingWrite<?>> batch = new ArrayList<>(MAX_DRAIN + 1);
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      batch.add(take());
      queue.drainTo(batch, MAX_DRAIN);
      int stop = batch.indexOf(PendingWrite.STOP);
      if (stop >= 0) {
        stopping = true;
        refuse(batch.subList(stop, batch.size()));
        batch.subList(stop, batch.size()).clear();
      }
      if (!batch.isEmpty()) {
        try {
          commit(batch);
        } catch (Throwable t) {
          // Only an Error gets here; the thread must outlive it or every later write hangs.
          LOG.error("store writer failed on a batch of {} writes", batch.size(), t);
          batch.forEach(w -> w.fail(t));
        }
      }
    }
    List<PendingWrite<?>> late = new ArrayList<>();
    queue.drainTo(late);
    refuse(late);
    LOG.info("store writer stopped after {} commits", metrics.commits());
  }

  private PendingWrite<?> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only close() may stop this thread, and it does so through the queue.
      }
    }
  }

  private void commit(List<PendingWrite<?>> batch) {
    long start = System.nanoTime();
    try {
      Transactions.immediate(connection, c -> {
        for (PendingWrite<?> w : batch) {
          w.run(c);
        }
        return null;
      });
    } catch (Exception e) {
      if (batch.size() == 1) {
        failed(batch.get(0), e);
      } else {
        // One bad write must not fail the good ones that happened to share its transaction.
        LOG.warn("batch of {} writes failed ({}); retrying each alone", batch.size(), e.toString());
        for (PendingWrite<?> w : batch) {
          commit(List.of(w));
        }
      }
      return;
    }
    long events = 0;
    for (PendingWrite<?> w : batch) {
      events += w.eventsWritten();
    }
    metrics.committed(batch.size(), events, System.nanoTime() - start);
    status = new WriterStatus(true, System.currentTimeMillis(), status.lastError());
    batch.forEach(PendingWrite::succeed);
  }

  private void failed(PendingWrite<?> write, Exception e) {
    metrics.failed();
    status = new WriterStatus(false, status.lastCommitMs(), e.toString());
    LOG.warn("store write failed: {}", e.toString());
    write.fail(e);
  }

  private void refuse(List<PendingWrite<?>> writes) {
    for (PendingWrite<?> w : writes) {
      if (w != PendingWrite.STOP) {
        w.fail(closed());
      }
    }
  }

  private static IllegalStateException closed() {
    return new IllegalStateException("store is closed");
  }
}
