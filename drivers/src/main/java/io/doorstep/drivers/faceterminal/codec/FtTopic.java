package io.doorstep.drivers.faceterminal.codec;

import java.util.Set;

/**
 * A topic of the interface: {@code ft/{SN}/up/{kind}} or {@code ft/{SN}/down/{kind}}.
 *
 * @param up true for terminal-to-gateway
 */
public record FtTopic(String sn, boolean up, String kind) {
  public static final Set<String> UP_KINDS = Set.of("online", "heartbeat", "verify", "record", "door", "alarm", "ack");
  public static final Set<String> DOWN_KINDS =
      Set.of("verify-result", "record-ack", "open", "hold-open", "person-upsert", "person-delete");

  /** The filter the gateway subscribes to. */
  public static final String ALL_UP = "ft/+/up/#";

  public static FtTopic parse(String topic) throws FtDecodeException {
    String[] parts = topic.split("/", -1);
    if (parts.length != 4 || !parts[0].equals("ft") || parts[1].isEmpty()) {
      throw new FtDecodeException(FtDecodeException.UNKNOWN_TOPIC, "not a terminal topic: " + clip(topic));
    }
    boolean up = parts[2].equals("up");
    if (!up && !parts[2].equals("down")) {
      throw new FtDecodeException(FtDecodeException.UNKNOWN_TOPIC, "neither up nor down: " + clip(topic));
    }
    if (!(up ? UP_KINDS : DOWN_KINDS).contains(parts[3])) {
      throw new FtDecodeException(FtDecodeException.UNKNOWN_TOPIC, "no such message kind: " + clip(topic));
    }
    return new FtTopic(parts[1], up, parts[3]);
  }

  public static FtTopic down(String sn, String kind) {
    return new FtTopic(sn, false, kind);
  }

  public String topic() {
    return "ft/" + sn + (up ? "/up/" : "/down/") + kind;
  }

  static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
