package io.doorstep.gateway.charging;

import io.doorstep.gateway.charging.SafetyAction.ClearAlarm;
import io.doorstep.gateway.charging.SafetyAction.RaiseAlarm;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alarms of one shed that are up. A condition seen on every poll raises its alarm once, and
 * only its end clears it, so that a two-second poll does not flood the board.
 */
final class AlarmBook {
  private record Place(ChargingAlarm kind, String pileId, int port) {}

  private final String shedId;
  private final String shedNameZh;
  private final String shedNameEn;
  private final Set<Place> up = new HashSet<>();

  AlarmBook(ShedConfig shed) {
    this.shedId = shed.shedId();
    this.shedNameZh = shed.nameZh();
    this.shedNameEn = shed.nameEn();
  }

  boolean isUp(ChargingAlarm kind, String pileId, int port) {
    return up.contains(new Place(kind, pileId, port));
  }

  /** Raises the alarm unless it is already up; the value is the same in both languages. */
  List<SafetyAction> raise(ChargingAlarm kind, String pileId, int port, String value,
      Map<String, Object> details) {
    return raise(kind, pileId, port, value, value, details);
  }

  List<SafetyAction> raise(ChargingAlarm kind, String pileId, int port, String valueZh,
      String valueEn, Map<String, Object> details) {
    if (!up.add(new Place(kind, pileId, port))) {
      return List.of();
    }
    String placeZh = pileId == null ? shedNameZh : ChargingAlarm.placeZh(pileId, port);
    String placeEn = pileId == null ? shedNameEn : ChargingAlarm.placeEn(pileId, port);
    return List.of(new RaiseAlarm(kind, kind.severity(), shedId, pileId, port,
        kind.textZh(placeZh, valueZh), kind.textEn(placeEn, valueEn), details));
  }

  List<SafetyAction> clear(ChargingAlarm kind, String pileId, int port) {
    if (!up.remove(new Place(kind, pileId, port))) {
      return List.of();
    }
    return List.of(new ClearAlarm(kind, shedId, pileId, port));
  }

  /** Raises while the condition holds, clears when it does not. */
  List<SafetyAction> track(boolean holds, ChargingAlarm kind, String pileId, int port, String value,
      Map<String, Object> details) {
    return holds ? raise(kind, pileId, port, value, details) : clear(kind, pileId, port);
  }

  /** Clears every alarm of the pile: it leaves the rules, and nothing would ever clear them. */
  List<SafetyAction> clearPile(String pileId) {
    List<SafetyAction> actions = new java.util.ArrayList<>();
    for (Place p : List.copyOf(up)) {
      if (pileId.equals(p.pileId())) {
        actions.addAll(clear(p.kind(), p.pileId(), p.port()));
      }
    }
    return actions;
  }
}
