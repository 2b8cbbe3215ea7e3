package io.doorstep.gateway.charging;

import java.util.ArrayList;
import java.util.List;

/** The pile-wide alarms of the status register, raised and cleared with their flags. */
final class PileFlagRules {
  private PileFlagRules() {}

  /**
   * Takes in the status register. An unread register changes nothing: smoke that was seen stays
   * seen until a register is read without it.
   */
  static List<SafetyAction> apply(AlarmBook book, PileWatch pile, PileReading r) {
    if (r.statusFlags() == null) {
      return List.of();
    }
    pile.smoke = r.flag(PileReading.SMOKE);
    pile.cabinetHot = r.flag(PileReading.CABINET_HOT);
    String id = pile.id();
    var flags = Units.details("statusFlags", r.statusFlags(), "mainsVoltage", r.mainsVoltage(),
        "cabinetTemperatureC", r.cabinetTemperature());
    List<SafetyAction> actions = new ArrayList<>();
    actions.addAll(book.track(pile.smoke, ChargingAlarm.SMOKE, id, 0, "", flags));
    actions.addAll(book.track(pile.cabinetHot, ChargingAlarm.CABINET_HOT, id, 0,
        Units.celsius(r.cabinetTemperature()), flags));
    actions.addAll(book.track(r.flag(PileReading.MAINS_OUT_OF_RANGE), ChargingAlarm.MAINS, id, 0,
        Units.volts(r.mainsVoltage()), flags));
    actions.addAll(book.track(r.flag(PileReading.DOOR_OPEN), ChargingAlarm.DOOR_OPEN, id, 0, "", flags));
    actions.addAll(book.track(r.flag(PileReading.INTERNAL_FAULT), ChargingAlarm.PILE_FAULT, id, 0, "", flags));
    return actions;
  }
}
