package io.doorstep.gateway.sync;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** What the sync tests share: a two-building estate, residents, and patient waiting. */
final class SyncTesting {
  static final String GATE_IN = "ft-g1-l1";
  static final String GATE_OUT = "ft-g1-l2";
  static final String UNIT1 = "ft-b01-u1";
  static final String UNIT2 = "ft-b02-u1";
  static final String GATE_IN_SN = "FT8-G1L1";
  static final String GATE_OUT_SN = "FT8-G1L2";
  static final String UNIT1_SN = "FT8-B01U1";
  static final String UNIT2_SN = "FT8-B02U1";
  static final List<String> ALL = List.of(GATE_IN, GATE_OUT, UNIT1, UNIT2);

  /** Only a guard against a hung test; nothing is asserted about how long anything takes. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private SyncTesting() {}

  /** Two gate lanes everyone uses, and a unit door in each of two buildings. */
  static EstateConfig estate() {
    return new EstateConfig("sync-test", "同步测试小区",
        List.of(new EstateConfig.Building("B01", "1栋", 6, List.of("U1")),
            new EstateConfig.Building("B02", "2栋", 6, List.of("U1"))),
        List.of(new EstateConfig.Door("G1-L1", "南门 1号通道", "pedestrian-gate", null, null, List.of(GATE_IN), true),
            new EstateConfig.Door("G1-L2", "南门 2号通道", "pedestrian-gate", null, null, List.of(GATE_OUT), true),
            new EstateConfig.Door("B01-U1", "1栋1单元", EstateConfig.UNIT_DOOR, "B01", "U1", List.of(UNIT1), true),
            new EstateConfig.Door("B02-U1", "2栋1单元", EstateConfig.UNIT_DOOR, "B02", "U1", List.of(UNIT2), true)),
        List.of(terminal(GATE_IN, GATE_IN_SN, "G1-L1"), terminal(GATE_OUT, GATE_OUT_SN, "G1-L2"),
            terminal(UNIT1, UNIT1_SN, "B01-U1"), terminal(UNIT2, UNIT2_SN, "B02-U1")));
  }

  /** {@code n} residents of a building's unit 1, ids {@code prefix0000…}, each with one card. */
  static List<PersonRecord> residents(String prefix, String building, int n) {
    List<PersonRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = String.format("%s%04d", prefix, i);
      out.add(resident(id, "居民" + id, building + "-U1-" + (101 + i % 20)));
    }
    return out;
  }

  static PersonRecord resident(String id, String name, String household) {
    return new PersonRecord(id, name, "resident", household, 0, 0,
        List.of(String.format("04%06X", Math.abs(id.hashCode()) % 0xFFFFFF)));
  }

  static PersonRecord renamed(PersonRecord p, String name) {
    return new PersonRecord(p.id(), name, p.kind(), p.household(), p.validFrom(), p.validTo(), p.cards());
  }

  static PersonRecord movedTo(PersonRecord p, String household) {
    return new PersonRecord(p.id(), p.name(), p.kind(), household, p.validFrom(), p.validTo(), p.cards());
  }

  static PersonRecord validUntil(PersonRecord p, long validTo) {
    return new PersonRecord(p.id(), p.name(), p.kind(), p.household(), p.validFrom(), validTo, p.cards());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete", e);
    }
  }

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  private static EstateConfig.Device terminal(String id, String sn, String door) {
    return new EstateConfig.Device(id, EstateConfig.FACE_TERMINAL, sn, EstateConfig.MQTT, door);
  }
}
