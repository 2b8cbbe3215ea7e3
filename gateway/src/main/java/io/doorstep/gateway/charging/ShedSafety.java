package io.doorstep.gateway.charging;

import io.doorstep.gateway.charging.SafetyAction.Siren;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charging-safety decisions of one shed. Feed it every poll of its piles, fire mode, the
 * results of its stop writes and a regular tick; carry out what it returns, in order.
 *
 * <p>Not thread-safe and never blocking: one instance per shed, called from one thread. Times are
 * epoch millis; the timed conditions run on the readings' own timestamps, {@code now} dates the
 * stops and the tick.
 */
public final class ShedSafety {
  private ShedConfig shed;
  private final Map<String, PileWatch> piles = new LinkedHashMap<>();
  private final AlarmBook book;
  private boolean fireMode;
  private boolean sirenOn;

  public ShedSafety(ShedConfig shed) {
    this.shed = shed;
    this.book = new AlarmBook(shed);
    shed.piles().forEach(p -> piles.put(p.pileId(), new PileWatch(p, shed.breaker())));
  }

  public ShedConfig config() {
    return shed;
  }

  /**
   * The shed's piles as the estate has them now. A pile no longer there, or in {@code renewed}
   * (its entry changed), leaves the rules: its open sessions end as {@link StopReason#REMOVED} and
   * its alarms clear. A new or renewed pile is watched from its next reading, with the limits
   * of its entry (the caller lays the platform's over them). The others go on as they were.
   *
   * @param changed the same shed, with its piles now
   */
  public List<SafetyAction> follow(ShedConfig changed, Set<String> renewed, long now) {
    if (!changed.shedId().equals(shed.shedId())) {
      throw new IllegalArgumentException("shed " + shed.shedId() + " cannot follow shed " + changed.shedId());
    }
    Set<String> wanted = new HashSet<>();
    changed.piles().forEach(p -> wanted.add(p.pileId()));
    List<SafetyAction> actions = new ArrayList<>();
    for (PileWatch pile : List.copyOf(piles.values())) {
      if (!wanted.contains(pile.id()) || renewed.contains(pile.id())) {
        actions.addAll(leave(pile, now));
        piles.remove(pile.id());
      }
    }
    for (PileConfig p : changed.piles()) {
      piles.computeIfAbsent(p.pileId(), id -> new PileWatch(p, changed.breaker()));
    }
    shed = changed;
    return actions;
  }

  private List<SafetyAction> leave(PileWatch pile, long now) {
    List<SafetyAction> actions = new ArrayList<>();
    for (PortWatch w : pile.all()) {
      if (w.session != null) {
        actions.add(new SafetyAction.SessionEnded(w.session.end(w.pileId, w.port, now, StopReason.REMOVED)));
        w.session = null;
      }
    }
    actions.addAll(book.clearPile(pile.id()));
    return actions;
  }

  /** The pile's ports with a session open, in order; none for a pile not in this shed. */
  public List<Integer> chargingPorts(String pileId) {
    PileWatch pile = piles.get(pileId);
    if (pile == null) {
      return List.of();
    }
    return pile.all().stream().filter(w -> w.session != null).map(w -> w.port).toList();
  }

  /** Whether the pile stands in this shed. */
  public boolean hasPile(String pileId) {
    return piles.containsKey(pileId);
  }

  /** The limits the pile's rules use now. */
  public SafetyLimits limits(String pileId) {
    return pile(pileId).limits();
  }

  /**
   * Replaces some of one pile's limits from the next reading on: all of them or, when any is
   * bad alone or together with the rest, none ({@link IllegalArgumentException} naming each
   * problem). Timers already running are measured against the new limits.
   *
   * @return the pile's limits now
   */
  public SafetyLimits setLimits(String pileId, Map<String, ? extends Number> changes) {
    PileWatch pile = pile(pileId);
    pile.limits(pile.limits().withOverrides(changes));
    return pile.limits();
  }

  /** One poll of one of this shed's piles. */
  public List<SafetyAction> onReading(PileReading r, long now) {
    PileWatch pile = pile(r.pileId());
    boolean cabinetWasHot = pile.cabinetHot;
    List<SafetyAction> actions = new ArrayList<>(PileFlagRules.apply(book, pile, r));
    for (PortReading p : r.ports()) {
      PortWatch w = pile.port(p.port());
      // Unread ports decide nothing: no stop, no session, no timer, on numbers nobody measured.
      if (w != null && p.valid()) {
        actions.addAll(port(pile, w, p, r.atMillis(), now));
      }
    }
    if (pile.cabinetHot && !cabinetWasHot) {
      actions.addAll(pile.stopAll(StopReason.CABINET_HOT, now));
    }
    actions.addAll(smoke(now));
    actions.addAll(BudgetRule.apply(book, shed, allPorts(), now));
    return actions;
  }

  private List<SafetyAction> port(PileWatch pile, PortWatch w, PortReading p, long at, long now) {
    SafetyLimits limits = pile.limits();
    List<SafetyAction> actions = new ArrayList<>(w.observe(p, at, limits));
    actions.addAll(StopVerifier.check(book, w, p, at, limits, pile.breaker));
    actions.addAll(PortRules.alarms(book, w, p, limits));
    StopReason reason = refusal(pile, w).orElseGet(() -> PortRules.stopReason(w, p, limits, at));
    if (reason != null && p.relayClosed() && w.pending == null) {
      actions.add(w.stop(reason, now));
      if (reason == StopReason.OVER_POWER) {
        actions.addAll(book.raise(ChargingAlarm.OVER_POWER, w.pileId, w.port, Units.watts(p.powerW()),
            Units.details("powerW", p.powerW(), "limitW", limits.overPowerW(),
                "seconds", limits.overPowerSeconds())));
      }
    }
    return actions;
  }

  /**
   * Smoke anywhere stops the whole shed: the piles stand together and a fire spreads between
   * bikes. The siren goes off on its own when no pile sees smoke any more; the fire service and
   * the guards handle what comes after, and a siren that stays on with no smoke teaches people
   * to ignore it.
   */
  private List<SafetyAction> smoke(long now) {
    boolean smoke = piles.values().stream().anyMatch(p -> p.smoke);
    List<SafetyAction> actions = new ArrayList<>();
    if (smoke) {
      for (PileWatch p : piles.values()) {
        actions.addAll(p.stopAll(StopReason.SMOKE, now));
      }
    }
    if (smoke != sirenOn) {
      sirenOn = smoke;
      actions.add(new Siren(shed.shedId(), smoke));
    }
    return actions;
  }

  /**
   * Fire mode starts or ends for this shed's zone. While it lasts every port is stopped and
   * stays stopped; its end (the reset) lets ports start again.
   */
  public List<SafetyAction> onFireMode(boolean active, long now) {
    if (active == fireMode) {
      return List.of();
    }
    fireMode = active;
    List<SafetyAction> actions = new ArrayList<>();
    for (PileWatch p : piles.values()) {
      if (active) {
        actions.addAll(p.stopAll(StopReason.FIRE_MODE, now));
      } else {
        p.all().stream().filter(w -> w.latch == StopReason.FIRE_MODE).forEach(w -> w.latch = null);
      }
    }
    return actions;
  }

  /** A person or the platform asks to stop a port; it is verified like every other stop. */
  public List<SafetyAction> onStopRequest(String pileId, int port, StopReason reason, long now) {
    PortWatch w = portOf(pileId, port);
    if (w.pending != null) {
      return List.of();
    }
    return List.of(w.stop(reason, now));
  }

  /** The port's relay as last read; {@link ChargingBus.Relay#UNREAD} before its first valid reading. */
  public ChargingBus.Relay relay(String pileId, int port) {
    PortWatch w = portOf(pileId, port);
    if (w.last == null) {
      return ChargingBus.Relay.UNREAD;
    }
    return w.last.relayClosed() ? ChargingBus.Relay.CLOSED : ChargingBus.Relay.OPEN;
  }

  /**
   * How the write of a stop went. A failed write is sent again a few times; whether the relay
   * opened is then up to the read-back.
   */
  public List<SafetyAction> onStopResult(String pileId, int port, boolean written, long now) {
    return written ? List.of() : StopVerifier.writeFailed(portOf(pileId, port));
  }

  /** Call every few seconds: a stop that no reading confirms in time is an alarm. */
  public List<SafetyAction> onTick(long now) {
    List<SafetyAction> actions = new ArrayList<>();
    for (PileWatch p : piles.values()) {
      for (PortWatch w : p.all()) {
        actions.addAll(StopVerifier.unconfirmed(book, w, now, p.limits(), p.breaker));
      }
    }
    return actions;
  }

  /**
   * Why a start of this port must be refused now, empty when it may start. The wiring asks
   * before it sends a start command.
   */
  public Optional<StopReason> startRefusal(String pileId, int port) {
    return refusal(pile(pileId), portOf(pileId, port));
  }

  /** Whether the alarm of this kind and place is up (for the board and for tests). */
  public boolean alarmUp(ChargingAlarm kind, String pileId, int port) {
    return book.isUp(kind, pileId, port);
  }

  private Optional<StopReason> refusal(PileWatch pile, PortWatch w) {
    if (fireMode) {
      return Optional.of(StopReason.FIRE_MODE);
    }
    if (piles.values().stream().anyMatch(p -> p.smoke)) {
      return Optional.of(StopReason.SMOKE);
    }
    if (pile.cabinetHot) {
      return Optional.of(StopReason.CABINET_HOT);
    }
    return Optional.ofNullable(w.latch);
  }

  private List<PortWatch> allPorts() {
    return piles.values().stream().flatMap(p -> p.all().stream()).toList();
  }

  private PileWatch pile(String pileId) {
    PileWatch pile = piles.get(pileId);
    if (pile == null) {
      throw new IllegalArgumentException("pile " + pileId + " is not in shed " + shed.shedId());
    }
    return pile;
  }

  private PortWatch portOf(String pileId, int port) {
    PortWatch w = pile(pileId).port(port);
    if (w == null) {
      throw new IllegalArgumentException("pile " + pileId + " has no port " + port);
    }
    return w;
  }
}
