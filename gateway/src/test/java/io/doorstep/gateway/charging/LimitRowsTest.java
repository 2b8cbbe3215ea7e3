package io.doorstep.gateway.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's limits in a real SQLite file, read back as a restarted gateway reads them. */
class LimitRowsTest {
  @TempDir Path dir;

  @Test
  void theLatestValueOfEachLimitIsKeptPerPileAcrossAReopen() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      try (Store store = Store.open(vertx, dir.resolve("doorstep.db"))) {
        await(store.write(c -> LimitRows.save(c, "pile-1", Map.of("overPowerW", 600.0, "overPowerSeconds", 3L), 1)));
        await(store.write(c -> LimitRows.save(c, "pile-1", Map.of("overPowerW", 650.0), 2)));
        await(store.write(c -> LimitRows.save(c, "pile-2", Map.of("plugHotC", 65.5), 3)));
      }
      try (Store store = Store.open(vertx, dir.resolve("doorstep.db"))) {
        Map<String, Map<String, Number>> kept = await(store.read(LimitRows::all));

        Map<String, Map<String, Number>> expected = new LinkedHashMap<>();
        expected.put("pile-1", Map.of("overPowerSeconds", 3.0, "overPowerW", 650.0));
        expected.put("pile-2", Map.of("plugHotC", 65.5));
        assertEquals(expected, kept);
        // Whole-number limits come back as doubles; the limits take them as they are whole.
        assertEquals(3L, SafetyLimits.DEFAULTS.withOverrides(kept.get("pile-1")).overPowerSeconds());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
