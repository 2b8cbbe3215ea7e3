package io.doorstep.drivers.lane.codec;

import java.util.List;
import java.util.Set;

/**
 * A barrier topic of a lane (mqtt-peripherals.md): {@code lane/{LANE}/up/{kind}} or
 * {@code lane/{LANE}/down/{kind}}. The lane's plate and decision topics are not read here.
 *
 * @param up true for lane-to-gateway
 */
public record LaneTopic(String lane, boolean up, String kind) {
  public static final Set<String> UP_KINDS = Set.of("online", "barrier", "ack");
  public static final Set<String> DOWN_KINDS = Set.of("barrier");

  /** The filters the gateway subscribes to: one per kind it reads, so a plate read is not taken for a fault. */
  public static final String ONLINE_FILTER = "lane/+/up/online";
  public static final List<String> GATEWAY_FILTERS = List.of(ONLINE_FILTER, "lane/+/up/barrier", "lane/+/up/ack");

  public static LaneTopic parse(String topic) throws LaneDecodeException {
    String[] parts = topic.split("/", -1);
    if (parts.length != 4 || !parts[0].equals("lane") || parts[1].isEmpty()) {
      throw new LaneDecodeException(LaneDecodeException.UNKNOWN_TOPIC, "not a lane topic: " + clip(topic));
    }
    boolean up = parts[2].equals("up");
    if (!up && !parts[2].equals("down")) {
      throw new LaneDecodeException(LaneDecodeException.UNKNOWN_TOPIC, "neither up nor down: " + clip(topic));
    }
    if (!(up ? UP_KINDS : DOWN_KINDS).contains(parts[3])) {
      throw new LaneDecodeException(LaneDecodeException.UNKNOWN_TOPIC, "no such message kind: " + clip(topic));
    }
    return new LaneTopic(parts[1], up, parts[3]);
  }

  public static LaneTopic up(String lane, String kind) {
    return new LaneTopic(lane, true, kind);
  }

  public static LaneTopic down(String lane, String kind) {
    return new LaneTopic(lane, false, kind);
  }

  public String topic() {
    return "lane/" + lane + (up ? "/up/" : "/down/") + kind;
  }

  static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
