package io.doorstep.gateway.access;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.doors.DoorTimings;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The access domain put together: the verticle that decides, the lists guards change, the
 * visitor passes they issue, and the scope the person sync asks. One instance per gateway; its
 * parts share the rules and the lists, so a change is seen by all of them at once.
 */
public final class AccessControl {
  private final AccessRules rules;
  private final AccessLists lists;
  private final VisitorPasses passes;
  private final GroupScope scope;
  private final AccessVerticle verticle;

  private AccessControl(AccessRules rules, AccessLists lists, VisitorPasses passes, GroupScope scope,
      AccessVerticle verticle) {
    this.rules = rules;
    this.lists = lists;
    this.passes = passes;
    this.scope = scope;
    this.verticle = verticle;
  }

  /** Reads (or creates) the visitor pass key under {@code dataDir}. Blocking: call at start-up. */
  public static AccessControl create(Vertx vertx, Store store, EstateConfig estate, Path dataDir,
      MeterRegistry metrics) throws IOException {
    return create(vertx, store, estate, DoorTimings.fromFile(estate), dataDir, metrics);
  }

  /** @param timings the door timings in force at start, console changes included */
  public static AccessControl create(Vertx vertx, Store store, EstateConfig estate, DoorTimings timings,
      Path dataDir, MeterRegistry metrics) throws IOException {
    return create(vertx, store, estate, timings, dataDir, metrics, Clock.systemUTC(), System::nanoTime);
  }

  /** With the clocks a test drives: wall time for rules, a monotonic one for the flood limit. */
  public static AccessControl create(Vertx vertx, Store store, EstateConfig estate, Path dataDir,
      MeterRegistry metrics, Clock clock, LongSupplier nanoTime) throws IOException {
    return create(vertx, store, estate, DoorTimings.fromFile(estate), dataDir, metrics, clock, nanoTime);
  }

  private static AccessControl create(Vertx vertx, Store store, EstateConfig estate, DoorTimings timings,
      Path dataDir, MeterRegistry metrics, Clock clock, LongSupplier nanoTime) throws IOException {
    AccessRules rules = AccessRules.of(estate);
    PassCodec codec = new PassCodec(PassKey.loadOrCreate(dataDir));
    AccessLists lists = new AccessLists(vertx, store, rules, clock);
    PassRevocations revocations = new PassRevocations(store, clock);
    AccessVerticle verticle = new AccessVerticle(store, timings, rules, lists, revocations,
        PolicyChain.standard(codec), clock, nanoTime, metrics);
    return new AccessControl(rules, lists, new VisitorPasses(codec, store, rules, revocations, clock),
        new GroupScope(rules, lists::current, clock), verticle);
  }

  /** Deploy this once. */
  public AccessVerticle verticle() {
    return verticle;
  }

  /** Which persons belong on which device's list; for the person sync. */
  public AccessScope scope() {
    return scope;
  }

  public VisitorPasses passes() {
    return passes;
  }

  public AccessLists lists() {
    return lists;
  }

  public AccessRules rules() {
    return rules;
  }
}
