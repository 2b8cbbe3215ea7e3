package io.doorstep.gateway.charging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a shed under its breaker's rating. The newest charges give way first: the bikes that
 * have charged longest are nearest to full, and whoever just plugged in is still standing there
 * to see that the port stopped.
 */
final class BudgetRule {
  private BudgetRule() {}

  /**
   * Each port counts with its last valid power; ports already being stopped do not count, their
   * power is going away.
   */
  static List<SafetyAction> apply(AlarmBook book, ShedConfig shed, List<PortWatch> ports, long now) {
    List<PortWatch> drawing = ports.stream()
        .filter(w -> w.last != null && w.last.relayClosed() && w.pending == null)
        .sorted(newestFirst())
        .toList();
    double total = drawing.stream().mapToDouble(w -> w.last.powerW()).sum();
    if (total <= shed.budgetW()) {
      return book.clear(ChargingAlarm.BUDGET, null, 0);
    }
    List<SafetyAction> actions = new ArrayList<>(book.raise(ChargingAlarm.BUDGET, null, 0,
        Units.watts(total) + " / " + Units.watts(shed.budgetW()),
        Units.details("totalW", total, "budgetW", shed.budgetW())));
    double remaining = total;
    for (PortWatch w : drawing) {
      if (remaining <= shed.budgetW()) {
        break;
      }
      remaining -= w.last.powerW();
      actions.add(w.stop(StopReason.BUDGET, now));
    }
    return actions;
  }

  private static Comparator<PortWatch> newestFirst() {
    Comparator<PortWatch> byStart = Comparator.comparingLong(
        w -> w.session == null ? Long.MIN_VALUE : w.session.startedAt);
    // Ties (same poll) broken by place, so that the same readings always stop the same ports.
    return byStart.reversed()
        .thenComparing(w -> w.pileId, Comparator.reverseOrder())
        .thenComparing(w -> w.port, Comparator.reverseOrder());
  }
}
