package io.doorstep.gateway.charging;

import io.doorstep.gateway.charging.SafetyAction.ClearAlarm;
import io.doorstep.gateway.charging.SafetyAction.RaiseAlarm;
import io.doorstep.gateway.charging.SafetyAction.SessionEnded;
import io.doorstep.gateway.charging.SafetyAction.SessionStarted;
import io.doorstep.gateway.charging.SafetyAction.StopPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A shed of two ten-port piles, P1 and P2, behind breaker QF3 with a 16 kW budget, and a clock
 * the test moves. Ports a reading does not name are reported empty.
 */
final class ShedRig {
  static final Breaker QF3 = new Breaker("1号棚 3号配电箱 断路器 QF3", "breaker QF3 in shed 1");
  static final long T0 = 1_750_000_000_000L;

  final ShedSafety safety;
  long now = T0;

  ShedRig() {
    this(16_000, SafetyLimits.DEFAULTS);
  }

  ShedRig(double budgetW, SafetyLimits limits) {
    safety = new ShedSafety(new ShedConfig("shed-1", "1号棚", "shed 1", budgetW, QF3,
        List.of(new PileConfig("P1", limits), new PileConfig("P2", limits))));
  }

  ShedRig at(long millis) {
    now = T0 + millis;
    return this;
  }

  ShedRig pass(long millis) {
    now += millis;
    return this;
  }

  List<SafetyAction> read(String pile, Port... ports) {
    return readFlags(pile, 0, ports);
  }

  List<SafetyAction> readFlags(String pile, Integer flags, Port... ports) {
    return safety.onReading(reading(pile, flags, ports), now);
  }

  PileReading reading(String pile, Integer flags, Port... ports) {
    Map<Integer, PortReading> byPort = new HashMap<>();
    for (Port p : ports) {
      byPort.put(p.number(), p.reading());
    }
    List<PortReading> all = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      all.add(byPort.getOrDefault(n, Port.empty(n).reading()));
    }
    return new PileReading(pile, now, flags, 230.0, 30.0, all);
  }

  static List<StopPort> stops(List<SafetyAction> actions) {
    return actions.stream().filter(StopPort.class::isInstance).map(StopPort.class::cast).toList();
  }

  static List<RaiseAlarm> raised(List<SafetyAction> actions, ChargingAlarm kind) {
    return actions.stream().filter(RaiseAlarm.class::isInstance).map(RaiseAlarm.class::cast)
        .filter(a -> a.kind() == kind).toList();
  }

  static List<RaiseAlarm> raised(List<SafetyAction> actions) {
    return actions.stream().filter(RaiseAlarm.class::isInstance).map(RaiseAlarm.class::cast).toList();
  }

  static List<ClearAlarm> cleared(List<SafetyAction> actions, ChargingAlarm kind) {
    return actions.stream().filter(ClearAlarm.class::isInstance).map(ClearAlarm.class::cast)
        .filter(a -> a.kind() == kind).toList();
  }

  static List<ChargingSession> ended(List<SafetyAction> actions) {
    return actions.stream().filter(SessionEnded.class::isInstance)
        .map(a -> ((SessionEnded) a).session()).toList();
  }

  static List<SessionStarted> started(List<SafetyAction> actions) {
    return actions.stream().filter(SessionStarted.class::isInstance).map(SessionStarted.class::cast).toList();
  }

  static StopPort stop(String pile, int port, StopReason reason) {
    return new StopPort(pile, port, reason);
  }

  /** The single stop among the actions, failing the test when there is none or more. */
  static StopPort onlyStop(List<SafetyAction> actions) {
    List<StopPort> stops = stops(actions);
    if (stops.size() != 1) {
      throw new AssertionError("expected one stop, got " + stops + " in " + actions);
    }
    return Objects.requireNonNull(stops.get(0));
  }
}
