package io.doorstep.drivers.modbus.internal;

import io.doorstep.drivers.modbus.Priority;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The line's waiting room: highest priority first, first come first served within a priority,
 * so a safety stop jumps every queued poll but two stops keep their order.
 */
public final class RequestQueue {
  private final Map<Priority, ArrayDeque<Job>> waiting = new EnumMap<>(Priority.class);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  public RequestQueue() {
    for (Priority p : Priority.values()) {
      waiting.put(p, new ArrayDeque<>());
    }
  }

  public void add(Job job) {
    lock.lock();
    try {
      waiting.get(job.priority()).addLast(job);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The next job, waiting up to {@code timeoutMs} for one; null when none came. */
  public Job poll(long timeoutMs) throws InterruptedException {
    long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    lock.lock();
    try {
      while (true) {
        for (Priority p : Priority.values()) {
          Job job = waiting.get(p).pollFirst();
          if (job != null) {
            return job;
          }
        }
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns every waiting job, highest priority first. */
  public List<Job> drain() {
    lock.lock();
    try {
      List<Job> all = new ArrayList<>();
      for (Priority p : Priority.values()) {
        all.addAll(waiting.get(p));
        waiting.get(p).clear();
      }
      return all;
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
    } finally {
      lock.unlock();
    }
  }
}
