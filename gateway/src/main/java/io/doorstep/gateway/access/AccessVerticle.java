package io.doorstep.gateway.access;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.PassageRecord;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.OfflinePassages;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides who may pass. Answers from memory (a {@link PersonDirectory} snapshot), records
 * each decision without waiting for the disk, and stores passages that terminals decided alone
 * before they are acknowledged.
 */
public final class AccessVerticle extends VerticleBase {
  /** How long the lock is released for an open decision. */
  static final int OPEN_MS = 3000;

  private final Store store;
  private final AccessPolicy policy;
  private final PassageEvents passages;
  private final Timer decisionTimer;
  private volatile PersonDirectory directory = PersonDirectory.empty();

  public AccessVerticle(Store store, EstateConfig estate, AccessPolicy policy, MeterRegistry metrics) {
    this.store = store;
    this.policy = policy;
    this.passages = new PassageEvents(estate);
    this.decisionTimer = Timer.builder("doorstep.access.decision")
        .description("time to decide one access request in the gateway")
        .publishPercentileHistogram()
        .register(metrics);
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<AccessRequest>consumer(Addresses.ACCESS_DECIDE, this::onDecide);
    vertx.eventBus().<OfflinePassages>consumer(Addresses.ACCESS_OFFLINE_PASSAGES, this::onOffline);
    vertx.eventBus().consumer(Addresses.PERSONS_CHANGED, m -> reload());
    return reload();
  }

  /** The persons table changed: take a fresh snapshot. Decisions go on from the old one meanwhile. */
  private Future<Void> reload() {
    return store.persons().map(list -> {
      directory = PersonDirectory.of(list);
      return null;
    });
  }

  private void onDecide(Message<AccessRequest> message) {
    long start = System.nanoTime();
    AccessRequest request = message.body();
    long now = System.currentTimeMillis();
    AccessPolicy.Verdict verdict = policy.decide(request, directory, now);
    AccessDecision decision = toDecision(verdict);
    message.reply(decision);
    decisionTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    vertx.eventBus().send(Addresses.EVENT_RECORD, passages.decided(request, decision, verdict.reason(), now));
  }

  private void onOffline(Message<OfflinePassages> message) {
    OfflinePassages batch = message.body();
    PersonDirectory snapshot = directory;
    long now = System.currentTimeMillis();
    List<DeviceEvent> events = new ArrayList<>(batch.records().size());
    for (PassageRecord r : batch.records()) {
      AccessPolicy.Verdict verdict = policy.decide(r.request(), snapshot, now);
      PersonRecord p = verdict.person();
      events.add(passages.offline(r.request(), r.opened(), verdict.reason(),
          p == null ? r.request().personId() : p.id(), p == null ? null : p.name()));
    }
    store.appendAll(events).onComplete(stored -> {
      if (stored.succeeded()) {
        message.reply(null);
        events.forEach(e -> vertx.eventBus().publish(Addresses.EVENT_STORED, e));
      } else {
        message.fail(500, "passages not stored: " + stored.cause().getMessage());
      }
    });
  }

  static AccessDecision toDecision(AccessPolicy.Verdict verdict) {
    Reason reason = verdict.reason();
    PersonRecord p = verdict.person();
    String name = p == null ? null : p.name();
    return new AccessDecision(reason.opens(), reason.name(), p == null ? null : p.id(), name,
        reason.opens() ? OPEN_MS : 0, reason.voice(), reason.text(name));
  }
}
