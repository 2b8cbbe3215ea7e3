package io.doorstep.sim.faceterminal;

/** The terminal's topic names: {@code ft/{SN}/up/{kind}} out, {@code ft/{SN}/down/{kind}} in. */
final class Topics {

  private final String upPrefix;
  private final String downPrefix;

  Topics(String sn) {
    upPrefix = "ft/" + sn + "/up/";
    downPrefix = "ft/" + sn + "/down/";
  }

  String up(String kind) {
    return upPrefix + kind;
  }

  String downFilter() {
    return downPrefix + "#";
  }

  /** The kind of a down topic, or null for a topic that is not one of ours. */
  String downKind(String topic) {
    return topic.startsWith(downPrefix) ? topic.substring(downPrefix.length()) : null;
  }
}
