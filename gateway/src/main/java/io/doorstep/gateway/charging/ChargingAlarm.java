package io.doorstep.gateway.charging;

import io.doorstep.device.Severity;

/**
 * Every alarm the charging rules raise, with its code and its texts: one table, so that the
 * board, the log and the upstream platform always say the same thing. {@code %1$s} is the place
 * (pile and port, pile, or shed), {@code %2$s} the measured value or what to do.
 *
 * <p>The code is what the alarms table stores, so it must never change once released.
 */
public enum ChargingAlarm {
  OVER_POWER("charging.over-power", Severity.ALARM,
      "%1$s 功率超限（%2$s），已断电", "%1$s: power over limit (%2$s), stopped"),
  PLUG_WARM("charging.plug-warm", Severity.WARNING,
      "%1$s 插头温度偏高（%2$s）", "%1$s: plug warm (%2$s)"),
  PLUG_HOT("charging.plug-hot", Severity.ALARM,
      "%1$s 插头过热（%2$s），已断电", "%1$s: plug hot (%2$s), power cut"),
  SENSOR_BROKEN("charging.sensor-broken", Severity.ALARM,
      "%1$s 插头温度传感器损坏，禁止充电", "%1$s: plug temperature sensor broken, no charging"),
  SMOKE("charging.smoke", Severity.CRITICAL,
      "%1$s 检测到烟雾，全棚断电", "%1$s: smoke detected, every port in the shed stopped"),
  CABINET_HOT("charging.cabinet-hot", Severity.ALARM,
      "%1$s 机柜温度过高（%2$s），已断电", "%1$s: cabinet over 70 °C (%2$s), every port stopped"),
  MAINS("charging.mains", Severity.WARNING,
      "%1$s 市电电压异常（%2$s）", "%1$s: mains voltage out of range (%2$s)"),
  DOOR_OPEN("charging.door-open", Severity.WARNING,
      "%1$s 柜门打开", "%1$s: cabinet door open"),
  PILE_FAULT("charging.pile-fault", Severity.ALARM,
      "%1$s 内部故障", "%1$s: internal fault"),
  PORT_FAULT("charging.port-fault", Severity.ALARM,
      "%1$s 故障：%2$s", "%1$s fault: %2$s"),
  RELAY_WELDED("charging.relay-welded", Severity.CRITICAL,
      "%1$s 继电器无法断开，请立即切断 %2$s", "%1$s: relay will not open, cut %2$s now"),
  STOP_UNCONFIRMED("charging.stop-unconfirmed", Severity.CRITICAL,
      "%1$s 断电未得到确认，请立即切断 %2$s", "%1$s: stop not confirmed, cut %2$s now"),
  BUDGET("charging.budget", Severity.ALARM,
      "%1$s 总功率超出配电容量（%2$s），已停止最新的充电",
      "%1$s: total power over the breaker budget (%2$s), newest charges stopped");

  private final String code;
  private final Severity severity;
  private final String textZh;
  private final String textEn;

  ChargingAlarm(String code, Severity severity, String textZh, String textEn) {
    this.code = code;
    this.severity = severity;
    this.textZh = textZh;
    this.textEn = textEn;
  }

  public String code() {
    return code;
  }

  public Severity severity() {
    return severity;
  }

  public String textZh(String place, String value) {
    return String.format(textZh, place, value == null ? "" : value);
  }

  public String textEn(String place, String value) {
    return String.format(textEn, place, value == null ? "" : value);
  }

  /** The pile's fault codes in words, for {@link #PORT_FAULT}. */
  static String faultZh(int fault) {
    return switch (fault) {
      case 1 -> "过流保护";
      case 2 -> "短路";
      case 3 -> "继电器粘连";
      case 4 -> "插头温度传感器损坏";
      default -> "故障码 " + fault;
    };
  }

  static String faultEn(int fault) {
    return switch (fault) {
      case 1 -> "over-current trip";
      case 2 -> "short circuit";
      case 3 -> "relay welded";
      case 4 -> "plug temperature sensor broken";
      default -> "fault code " + fault;
    };
  }

  static String placeZh(String pileId, int port) {
    return port == 0 ? "充电桩 " + pileId : "充电桩 " + pileId + " " + port + "号口";
  }

  static String placeEn(String pileId, int port) {
    return port == 0 ? "pile " + pileId : "pile " + pileId + " port " + port;
  }
}
