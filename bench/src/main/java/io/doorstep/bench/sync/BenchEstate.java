package io.doorstep.bench.sync;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.util.ArrayList;
import java.util.List;

/** One gate lane with one terminal, and residents who all may use it. */
final class BenchEstate {
  static final String DEVICE = "ft-bench-1";
  static final String SN = "FT8-BENCH1";

  private BenchEstate() {}

  static EstateConfig estate() {
    return new EstateConfig("sync-bench", "同步基准小区",
        List.of(new EstateConfig.Building("B01", "1栋", 30, List.of("U1"))),
        List.of(new EstateConfig.Door("G1", "南门", "pedestrian-gate", null, null, List.of(DEVICE), true)),
        List.of(new EstateConfig.Device(DEVICE, EstateConfig.FACE_TERMINAL, SN, EstateConfig.MQTT, "G1")));
  }

  static List<PersonRecord> residents(int n) {
    List<PersonRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = String.format("R%05d", i);
      out.add(new PersonRecord(id, "居民" + i, "resident", "B01-U1-" + (101 + i % 300), 0, 0,
          List.of(String.format("04%06X", i))));
    }
    return out;
  }
}
