package io.doorstep.bench.modbus;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.sim.charger.Ebc10Bus;
import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The shipped EBC-10 profile, and simulated piles on one line. */
final class Shed {
  static final Path ESTATE = Path.of("config/estates/xihu-haoyuan.yaml");
  static final Path PROFILES = Path.of("config/profiles");

  private Shed() {}

  /** config/profiles/ebc-10.yaml as the gateway loads it; the bench runs from the checkout. */
  static DeviceProfile profile() {
    if (!Files.isRegularFile(ESTATE)) {
      throw new IllegalStateException("run from the checkout's root: no " + ESTATE.toAbsolutePath());
    }
    try {
      return ConfigLoader.loadEstate(ESTATE, PROFILES).profiles().get("EBC-10");
    } catch (ConfigException e) {
      throw new IllegalStateException("cannot load the shipped EBC-10 profile: " + e.getMessage(), e);
    }
  }

  /** Piles at addresses 1..n, each seeded from {@code seed}. */
  static List<Ebc10Pile> piles(int n, long seed) {
    List<Ebc10Pile> piles = new ArrayList<>();
    for (int address = 1; address <= n; address++) {
      piles.add(Ebc10Pile.builder(address).seed(seed * 1000 + address).build());
    }
    return piles;
  }

  static Ebc10Bus open(String path, List<Ebc10Pile> piles, int baud, int answerDelayMs, boolean paced) {
    return Ebc10Bus.open(path, piles, RtuSlaveLine.Options.defaults().baud(baud)
        .answerDelay(Duration.ofMillis(answerDelayMs)).paced(paced));
  }
}
