package io.doorstep.gateway.access;

/**
 * Why a door opened or stayed shut, and what the person in front of the terminal hears and
 * reads. One table for every reader and for the page, so that the voice at the door, the text on
 * the board and the code in the log always agree. {@code %s} in a text is the person's name.
 */
public enum Reason {
  OK(true, "欢迎回家", "%s 欢迎回家", "Welcome home, %s"),
  UNKNOWN_FACE(false, "未登记人员，请联系门岗", "未登记人员", "Unknown person, please see the guard"),
  UNKNOWN_CARD(false, "卡片未登记，请联系门岗", "卡片未登记", "Card not registered, please see the guard"),
  LIVENESS_FAILED(false, "请正对摄像头，重新识别", "活体检测未通过", "Liveness check failed, please face the camera"),
  EXPIRED(false, "通行权限已过期，请联系物业", "%s 权限已过期", "Access expired, please contact the property office"),
  NOT_YET_VALID(false, "通行权限尚未生效", "%s 权限未生效", "Access not valid yet"),
  QR_INVALID(false, "二维码无效", "二维码无效", "Invalid QR code");

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

  public String voice() {
    return voiceZh;
  }

  /** The text on the terminal's screen, in Chinese, with the person's name where it has one. */
  public String text(String name) {
    return textZh.contains("%s") ? String.format(textZh, name == null ? "" : name).trim() : textZh;
  }

  public String textEn(String name) {
    return textEn.contains("%s") ? String.format(textEn, name == null ? "" : name).trim() : textEn;
  }
}
