package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;
import io.doorstep.gateway.config.AccessConfig;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway remembers of passages that happened: the anti-passback state and how often
 * each pass was used. Changed in memory at once, so the next decision sees it; written to the
 * store in the background, so no answer waits for the disk. Owned by the access verticle's thread.
 */
final class PassageMemory {
  private static final Logger log = LoggerFactory.getLogger(PassageMemory.class);

  private final Store store;
  private final AccessRules rules;
  private PassbackState passback = new PassbackState();
  private PassUsage usage = new PassUsage();

  PassageMemory(Store store, AccessRules rules) {
    this.store = store;
    this.rules = rules;
  }

  Future<Void> load() {
    return store.read(c -> {
      passback = StateRows.passback(c);
      usage = StateRows.usage(c);
      return null;
    });
  }

  PassbackState passback() {
    return passback;
  }

  PassUsage usage() {
    return usage;
  }

  /**
   * Remembers that the door opened for this verdict's holder; returns the passback change to
   * store, or null when the door is in no passback group (or a later passage is already known).
   */
  PassbackState.Passage opened(AccessRequest request, Verdict verdict, long atMs) {
    if (verdict.pass() != null) {
      int used = usage.use(verdict.pass().id());
      String passId = verdict.pass().id();
      store.write(c -> {
        StateRows.saveUsage(c, passId, used, atMs);
        return null;
      }).onFailure(e -> log.warn("use {} of visitor pass {} not stored: {}", used, passId, e.getMessage()));
    }
    AccessConfig.Passback group = rules.passbackAt(rules.doorOfDevice(request.device()));
    String holder = verdict.holder();
    if (group == null || holder == null || request.direction() == null) {
      return null;
    }
    PassbackState.Passage passage = new PassbackState.Passage(group.id(), holder, request.direction(), atMs);
    return passback.record(passage) ? passage : null;
  }

  void save(List<PassbackState.Passage> passages) {
    if (passages.isEmpty()) {
      return;
    }
    List<PassbackState.Passage> copy = List.copyOf(passages);
    store.write(c -> {
      StateRows.savePassback(c, copy);
      return null;
    }).onFailure(e -> log.warn("anti-passback state of {} passages not stored: {}", copy.size(), e.getMessage()));
  }
}
