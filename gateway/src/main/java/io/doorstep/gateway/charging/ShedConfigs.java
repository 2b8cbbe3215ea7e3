package io.doorstep.gateway.charging;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.EstateConfig.Device;
import java.util.List;

/** The rules' view of the estate file's sheds and piles, limits layered estate → shed → pile. */
final class ShedConfigs {
  private ShedConfigs() {}

  static List<ShedConfig> of(EstateConfig estate) {
    List<Device> piles = estate.devicesOfType(EstateConfig.CHARGING_PILE);
    return estate.charging().sheds().stream().map(shed -> {
      SafetyLimits shedLimits = SafetyLimits.DEFAULTS.withOverrides(estate.charging().limits())
          .withOverrides(shed.limits());
      List<PileConfig> pileConfigs = piles.stream()
          .filter(p -> shed.id().equals(p.charging().shed()))
          .map(p -> new PileConfig(p.id(), shedLimits.withOverrides(p.charging().limits()), ports(estate, p),
              p.charging().breaker() == null ? null : new Breaker(p.charging().breaker(), p.charging().breaker())))
          .toList();
      return new ShedConfig(shed.id(), shed.name(), shed.id(), shed.powerBudgetW(),
          new Breaker(shed.breaker(), shed.breaker()), pileConfigs);
    }).filter(s -> !s.piles().isEmpty()).toList();
  }

  /** As many ports as the pile's profile has port blocks. */
  private static int ports(EstateConfig estate, Device pile) {
    java.util.Set<String> points = estate.profiles().get(pile.modbus().profile()).points().stream()
        .map(io.doorstep.drivers.modbus.profile.Point::name).collect(java.util.stream.Collectors.toSet());
    int n = 0;
    while (points.contains("port" + (n + 1) + ".state")) {
      n++;
    }
    return n;
  }
}
