package io.doorstep.gateway.access;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.PassageRecord;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.OfflinePassages;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.doors.DoorTimings;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who may pass. Answers from memory ({@link AccessSnapshot}), then remembers the passage
 * and records the decision without the answer waiting for either; stores passages that terminals
 * decided alone before they are acknowledged, and folds them into anti-passback in their own
 * time order.
 */
public final class AccessVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(AccessVerticle.class);
  /** The reply-failure code of a verification refused for flooding: the terminal gets no answer and decides alone. */
  public static final int RATE_LIMITED = 429;
  private static final long FLOOD_LOG_INTERVAL_NS = TimeUnit.MINUTES.toNanos(1);

  private final Store store;
  private final AccessRules rules;
  private final AccessLists lists;
  private final PassRevocations revocations;
  private final PolicyChain chain;
  private final PassageMemory memory;
  private final PassageEvents passages;
  private final VerifyRateLimiter limiter;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final MeterRegistry metrics;
  private final Timer decisionTimer;
  private final Map<String, Counter> dropped = new HashMap<>();
  private final Map<String, Long> floodLogged = new HashMap<>();
  private volatile PersonDirectory directory = PersonDirectory.empty();
  /** How long each door's lock is released for an open decision; replaced on this verticle's context only. */
  private DoorTimings timings;

  AccessVerticle(Store store, DoorTimings timings, AccessRules rules, AccessLists lists,
      PassRevocations revocations, PolicyChain chain,
      Clock clock, LongSupplier nanoTime, MeterRegistry metrics) {
    this.store = store;
    this.timings = timings;
    this.rules = rules;
    this.lists = lists;
    this.revocations = revocations;
    this.chain = chain;
    this.memory = new PassageMemory(store, rules);
    this.passages = new PassageEvents(rules);
    this.limiter = new VerifyRateLimiter(rules.verifyRateLimit(), nanoTime);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.metrics = metrics;
    this.decisionTimer = Timer.builder("doorstep.access.decision")
        .description("time to decide one access request in the gateway")
        .publishPercentileHistogram()
        .register(metrics);
  }

  @Override
  public Future<?> start() {
    return Future.all(reload(), lists.load(), revocations.load(), memory.load()).onSuccess(loaded -> {
      vertx.eventBus().<AccessRequest>consumer(Addresses.ACCESS_DECIDE, this::onDecide);
      vertx.eventBus().<OfflinePassages>consumer(Addresses.ACCESS_OFFLINE_PASSAGES, this::onOffline);
      vertx.eventBus().consumer(Addresses.PERSONS_CHANGED, m -> reload());
      vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED, m -> rules.follow(m.body()));
      vertx.eventBus().<DoorTimings>consumer(Addresses.DOOR_TIMINGS_CHANGED, m -> timings = m.body());
    });
  }

  /** The persons table changed: take a fresh snapshot. Decisions go on from the old one meanwhile. */
  private Future<Void> reload() {
    return store.persons().map(list -> {
      directory = PersonDirectory.of(list);
      return null;
    });
  }

  private AccessSnapshot snapshot() {
    AccessLists.Lists now = lists.current();
    return new AccessSnapshot(directory, rules, now.members(), now.blocks(), memory.passback(), memory.usage(),
        revocations);
  }

  private void onDecide(Message<AccessRequest> message) {
    long start = System.nanoTime();
    AccessRequest request = message.body();
    if (!limiter.tryAcquire(request.device())) {
      flooded(request.device());
      message.fail(RATE_LIMITED, "verifications from " + request.device() + " over "
          + rules.verifyRateLimit() + "/s: not answered");
      return;
    }
    long now = clock.millis();
    Verdict verdict = chain.decide(request, snapshot(), now);
    EstateConfig.Door door = rules.doorOfDevice(request.device());
    AccessDecision decision = toDecision(verdict, timings.of(door == null ? null : door.id()).openMs());
    message.reply(decision);
    decisionTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    if (verdict.reason().opens()) {
      PassbackState.Passage changed = memory.opened(request, verdict, now);
      if (changed != null) {
        memory.save(List.of(changed));
      }
    }
    vertx.eventBus().send(Addresses.EVENT_RECORD, passages.decided(request, decision, verdict, now));
  }

  private void flooded(String device) {
    dropped.computeIfAbsent(device, d -> Counter.builder("doorstep.access.verify.dropped")
        .description("verifications not answered because the terminal sent more than the rate limit")
        .tag("device", d)
        .register(metrics)).increment();
    long now = nanoTime.getAsLong();
    Long last = floodLogged.get(device);
    if (last == null || now - last >= FLOOD_LOG_INTERVAL_NS) {
      floodLogged.put(device, now);
      log.warn("{} sends more than {} verifications a second; the excess is not answered (counted in /metrics)",
          device, rules.verifyRateLimit());
    }
  }

  private void onOffline(Message<OfflinePassages> message) {
    List<PassageRecord> records = new ArrayList<>(message.body().records());
    // In their own time order, so that anti-passback sees them as they happened.
    records.sort(Comparator.comparingLong(r -> r.request().ts()));
    List<DeviceEvent> events = new ArrayList<>(records.size());
    List<PassbackState.Passage> changes = new ArrayList<>();
    for (PassageRecord r : records) {
      long at = r.request().ts();
      Verdict verdict = chain.decide(r.request(), snapshot(), at);
      events.add(passages.offline(r.request(), r.opened(), verdict));
      if (r.opened()) {
        PassbackState.Passage changed = memory.opened(r.request(), verdict, at);
        if (changed != null) {
          changes.add(changed);
        }
      }
    }
    memory.save(changes);
    store.appendAll(events).onComplete(stored -> {
      if (stored.succeeded()) {
        message.reply(null);
        events.forEach(e -> vertx.eventBus().publish(Addresses.EVENT_STORED, e));
      } else {
        message.fail(500, "passages not stored: " + stored.cause().getMessage());
      }
    });
  }

  /** @param openMs how long the door's lock is released when the verdict opens it */
  static AccessDecision toDecision(Verdict verdict, int openMs) {
    Reason reason = verdict.reason();
    String name = verdict.name();
    return new AccessDecision(reason.opens(), reason.name(), verdict.personId(), name,
        reason.opens() ? openMs : 0, reason.voice(), reason.text(name));
  }
}
