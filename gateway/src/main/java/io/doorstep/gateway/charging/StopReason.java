package io.doorstep.gateway.charging;

/**
 * Why a charging session ended. The code is what the sessions table stores, so it must never
 * change once released.
 *
 * <p>A stop the gateway decided for a reason that {@link #latches()} keeps the port stopped
 * until its plug is pulled: the pile's auto-start, or a resident, would otherwise close the
 * relay again on the same bike a second later.
 */
public enum StopReason {
  FULL("full", true, "充满自动断电", "full, power cut"),
  TIME_LIMIT("time-limit", true, "超过最长充电时间", "charging time limit reached"),
  UNPLUGGED("unplugged", true, "已拔出或充电器无负载", "unplugged or charger not drawing"),
  OVER_POWER("over-power", true, "功率超限", "power over limit"),
  PLUG_HOT("plug-hot", true, "插头过热", "plug too hot"),
  SENSOR_BROKEN("sensor-broken", true, "插头温度传感器损坏", "plug temperature sensor broken"),
  SMOKE("smoke", true, "检测到烟雾", "smoke detected"),
  CABINET_HOT("cabinet-hot", true, "机柜过热", "cabinet too hot"),
  FIRE_MODE("fire-mode", true, "消防联动断电", "fire mode"),
  BUDGET("budget", true, "超出配电容量", "shed power budget exceeded"),
  /** The pile faulted the port itself (state 4). */
  FAULT("fault", false, "端口故障", "port fault"),
  /** The pile opened the relay without being asked by the gateway. */
  PILE("pile", false, "充电桩自行断开", "opened by the pile"),
  USER("user", false, "用户停止", "stopped by the resident"),
  REMOTE("remote", false, "远程停止", "stopped remotely"),
  /**
   * The pile left the rules (removed or changed on the technician console) while a session was
   * open: only an offline pile may, so the session's real end is unknown.
   */
  REMOVED("removed", false, "充电桩已移出配置", "pile removed from the configuration");

  private final String code;
  private final boolean latches;
  private final String textZh;
  private final String textEn;

  StopReason(String code, boolean latches, String textZh, String textEn) {
    this.code = code;
    this.latches = latches;
    this.textZh = textZh;
    this.textEn = textEn;
  }

  public String code() {
    return code;
  }

  /** The port stays stopped until unplugged; only the gateway's own decisions latch. */
  public boolean latches() {
    return latches;
  }

  public String textZh() {
    return textZh;
  }

  public String textEn() {
    return textEn;
  }
}
