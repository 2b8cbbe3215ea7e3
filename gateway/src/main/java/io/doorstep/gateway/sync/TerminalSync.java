package io.doorstep.gateway.sync;

import io.doorstep.drivers.Backoff;
import io.doorstep.device.DeviceCommand;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one terminal's list to what it should be: one command in flight at a time, a fresh
 * plan before each, deletes before upserts (they make room), and a growing pause after a
 * command the terminal did not answer. Terminals run side by side, each with its own instance.
 *
 * <p>Confined to the sync verticle's context; {@link #status()} may be read from any thread.
 */
final class TerminalSync {
  private static final Logger log = LoggerFactory.getLogger(TerminalSync.class);

  private final String device;
  private final SyncParts parts;
  private final TerminalLedger ledger;
  private final PersonUpload upload;
  private final Backoff retry;
  private boolean online;
  private boolean busy;
  private long retryTimer = -1;
  private int pending;
  private String lastError;
  private boolean stuckReported;
  private String lastReset;
  private volatile SyncStatus status;

  TerminalSync(String device, SyncParts parts, TerminalLedger ledger, boolean online) {
    this.device = device;
    this.parts = parts;
    this.ledger = ledger;
    this.upload = new PersonUpload(device, parts, ledger);
    this.retry = new Backoff(parts.options().retryMin(), parts.options().retryMax());
    this.online = online;
    publish();
  }

  String device() {
    return device;
  }

  SyncStatus status() {
    return status;
  }

  /** Where one person stands here; on the sync's context. */
  java.util.Optional<PersonSyncState> personState(String personId, long now) {
    SyncPerson p = parts.catalog().get(personId).orElse(null);
    boolean allowed = p != null && parts.scope().mayUse(p.person(), device);
    return PersonSyncState.of(device, p, ledger.entries().get(personId), allowed, now, status.state());
  }

  /** Something changed (persons, time, presence): sync if there is anything to do and nothing waits. */
  void kick() {
    if (busy || retryTimer >= 0 || !parts.catalog().ready()) {
      publish();
      return;
    }
    SyncPlan plan = SyncPlanner.plan(parts.catalog().all(), ledger.entries(),
        p -> parts.scope().mayUse(p, device), System.currentTimeMillis());
    pending = plan.pending();
    ledger.forget(plan.forget());
    if (pending == 0 || !online) {
      publish();
      return;
    }
    busy = true;
    publish();
    Future<Void> step = plan.deletes().isEmpty() ? upload.next(plan.upserts()) : delete(plan.deletes());
    step.onComplete(ar -> {
      busy = false;
      if (ar.succeeded()) {
        succeeded();
      } else {
        failed(ar.cause());
      }
    });
  }

  /** The terminal came online or left. */
  void online(boolean now) {
    boolean cameBack = now && !online;
    online = now;
    if (cameBack) {
      // Whatever failed while it was away says nothing about it now.
      cancelRetry();
      retry.reset();
      kick();
    } else {
      publish();
    }
  }

  /**
   * The terminal's heartbeat says how many persons it holds. Judged only when the sync is at
   * rest, since a count taken mid-sync is stale by the time it arrives. Fewer than the gateway
   * believes means the list was lost (a factory reset, a replaced terminal): it is sent whole
   * again. More cannot be repaired (the interface cannot list a terminal's persons) and is only
   * logged.
   */
  void heartbeatCount(int reported) {
    online(true);
    if (busy || retryTimer >= 0 || pending > 0 || !parts.catalog().ready()) {
      return;
    }
    int believed = ledger.held();
    if (reported == believed) {
      lastReset = null;
      return;
    }
    String key = reported + "/" + believed;
    if (key.equals(lastReset)) {
      return; // the last full resync did not cure it; sending everything again would not either
    }
    lastReset = key;
    if (reported > believed) {
      log.warn("{} holds {} persons, the gateway knows of {}: clear the terminal's list to let the sync rebuild it",
          device, reported, believed);
      return;
    }
    log.warn("{} holds {} persons where it should hold {}: sending its whole list again", device, reported, believed);
    ledger.forgetAll().onComplete(ar -> kick());
  }

  private Future<Void> delete(List<String> ids) {
    List<String> chunk = ids.subList(0, Math.min(ids.size(), parts.options().maxIdsPerDelete()));
    return parts.sender().send(new DeviceCommand.DeletePersons(device, chunk)).compose(r -> r.ok()
        ? ledger.deleted(chunk)
        : Future.failedFuture(new RefusedException(device, String.valueOf(r.error()))));
  }

  private void succeeded() {
    retry.reset();
    lastError = null;
    stuckReported = false;
    kick();
  }

  private void failed(Throwable e) {
    lastError = SyncReporter.errorName(e);
    parts.reporter().failure(device, lastError);
    // A terminal that went offline has its own event already; an online one that does not
    // answer is news, told once until a command succeeds again.
    if (!stuckReported && online) {
      stuckReported = true;
      parts.reporter().stuck(device, lastError, e.getMessage(), pending);
    }
    long delay = retry.nextDelayMs();
    log.debug("{}: next sync attempt in {} ms", device, delay);
    retryTimer = parts.vertx().setTimer(delay, id -> {
      retryTimer = -1;
      kick();
    });
    publish();
  }

  private void cancelRetry() {
    if (retryTimer >= 0) {
      parts.vertx().cancelTimer(retryTimer);
      retryTimer = -1;
    }
  }

  private void publish() {
    SyncStatus.State state;
    if (!parts.catalog().ready()) {
      state = SyncStatus.State.STARTING;
    } else if (pending == 0 && !busy) {
      state = SyncStatus.State.IN_SYNC;
    } else if (!online) {
      state = SyncStatus.State.OFFLINE;
    } else if (retryTimer >= 0) {
      state = SyncStatus.State.RETRYING;
    } else {
      state = SyncStatus.State.SYNCING;
    }
    status = new SyncStatus(device, state, pending, ledger.held(), ledger.failures(), lastError, retry.failures());
  }
}
