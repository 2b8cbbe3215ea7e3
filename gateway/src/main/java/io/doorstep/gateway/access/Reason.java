package io.doorstep.gateway.access;

/**
 * Why a door opened or stayed shut, and what the person in front of the terminal hears and
 * reads. One table for every reader and for the page, so that the voice at the door, the text on
 * the board and the code in the log always agree. {@code %s} in a text is the person's name.
 *
 * <p>A refusal never names who is blocked or why in the voice: the people around the terminal
 * hear it too.
 */
public enum Reason {
  OK(true, "欢迎回家", "%s 欢迎回家", "Welcome home, %s"),
  UNKNOWN_FACE(false, "未登记人员，请联系门岗", "未登记人员", "Unknown person, please see the guard"),
  UNKNOWN_CARD(false, "卡片未登记，请联系门岗", "卡片未登记", "Card not registered, please see the guard"),
  LIVENESS_FAILED(false, "请正对摄像头，重新识别", "活体检测未通过", "Liveness check failed, please face the camera"),
  EXPIRED(false, "通行权限已过期，请联系物业", "%s 权限已过期", "Access expired, please contact the property office"),
  NOT_YET_VALID(false, "通行权限尚未生效", "%s 权限未生效", "Access not valid yet"),
  OUT_OF_SCHEDULE(false, "当前时段无通行权限", "%s 当前时段无权限", "No access at this time, %s"),
  NOT_IN_GROUP(false, "无此门通行权限，请联系物业", "%s 无此门权限", "No access at this door, %s"),
  PASSBACK(false, "请勿重复通行，请联系门岗", "%s 重复通行", "Already passed this way, please see the guard"),
  BLOCKED(false, "禁止通行，请联系门岗", "禁止通行", "Access refused, please see the guard"),
  QR_INVALID(false, "二维码无效", "二维码无效", "Invalid QR code"),
  QR_REVOKED(false, "二维码已作废，请联系门岗", "二维码已作废", "QR code revoked, please see the guard"),
  QR_EXPIRED(false, "二维码已过期", "二维码已过期", "QR code expired"),
  QR_USED_UP(false, "二维码使用次数已用完", "二维码次数已用完", "QR code already used up"),
  QR_WRONG_DOOR(false, "二维码不适用于此门", "二维码不适用于此门", "QR code not valid at this door"),
  EBIKE_NOT_ALLOWED(false, "电动车请走非机动车通道", "电动车请走非机动车通道", "E-bikes please use the e-bike gate");

  private final boolean open;
  private final String voiceZh;
  private final String textZh;
  private final String textEn;

  Reason(boolean open, String voiceZh, String textZh, String textEn) {
    this.open = open;
    this.voiceZh = voiceZh;
    this.textZh = textZh;
    this.textEn = textEn;
  }

  public boolean opens() {
    return open;
  }

  /** What the terminal says, in Chinese. */
  public String voice() {
    return voiceZh;
  }

  /** The text on the terminal's screen, in Chinese, with the person's name where it has one. */
  public String text(String name) {
    return fill(textZh, name);
  }

  /** The same text in English, for the page and the log. */
  public String textEn(String name) {
    return fill(textEn, name);
  }

  private static String fill(String text, String name) {
    if (!text.contains("%s")) {
      return text;
    }
    String filled = String.format(text, name == null ? "" : name).trim();
    // "No access at this time, " reads wrong without a name.
    return filled.endsWith(",") ? filled.substring(0, filled.length() - 1) : filled;
  }
}
