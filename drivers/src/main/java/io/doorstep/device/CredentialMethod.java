package io.doorstep.device;

/** How a person presented themselves at a door or lane. */
public enum CredentialMethod {
  FACE,
  CARD,
  QR;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
