package io.doorstep.gateway.charging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pile's ports and the pile-wide conditions last read from its status register. */
final class PileWatch {
  final PileConfig config;
  final Breaker breaker;
  final Map<Integer, PortWatch> ports = new LinkedHashMap<>();
  boolean smoke;
  boolean cabinetHot;
  /** The configured limits, with those the platform changed laid over them (kept across restarts). */
  private SafetyLimits limits;

  PileWatch(PileConfig config, Breaker shedBreaker) {
    this.config = config;
    this.breaker = config.breaker() != null ? config.breaker() : shedBreaker;
    this.limits = config.limits();
    for (int n = 1; n <= config.ports(); n++) {
      ports.put(n, new PortWatch(config.pileId(), n));
    }
  }

  String id() {
    return config.pileId();
  }

  SafetyLimits limits() {
    return limits;
  }

  void limits(SafetyLimits replacement) {
    limits = replacement;
  }

  PortWatch port(int n) {
    return ports.get(n);
  }

  Collection<PortWatch> all() {
    return ports.values();
  }

  /** Stops every port that may be charging, the unread ones too: in doubt, open the relay. */
  List<SafetyAction> stopAll(StopReason reason, long now) {
    List<SafetyAction> actions = new ArrayList<>();
    for (PortWatch w : ports.values()) {
      if (w.mayBeClosed() && w.pending == null) {
        actions.add(w.stop(reason, now));
      }
    }
    return actions;
  }
}
