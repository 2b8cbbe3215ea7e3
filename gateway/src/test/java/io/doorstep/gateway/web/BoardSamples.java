package io.doorstep.gateway.web;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.devices.DeviceStatus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A believable booth afternoon at Xihu Haoyuan, for the board's picture. */
final class BoardSamples {
  private BoardSamples() {}

  private record Passage(int minutesAgo, String door, String doorName, String direction, String method,
      String person, boolean open, String reason, String bodyType, boolean offline) {}

  private static final List<Passage> PASSAGES = List.of(
      new Passage(1, "gate-n", "北门人行 2", "in", "face", "王秀英", true, "OK", "pedestrian", false),
      new Passage(2, "b03-u1", "3 栋 1 单元", "in", "face", "刘洋", false, "EBIKE_NOT_ALLOWED", "ebike", false),
      new Passage(3, "gate-s", "南门人行 1", "out", "card", "陈静", true, "OK", "pedestrian", false),
      new Passage(5, "gate-n", "北门人行 1", "in", "face", null, false, "UNKNOWN_FACE", "pedestrian", false),
      new Passage(7, "b07-u2", "7 栋 2 单元", "in", "card", "赵磊", false, "EXPIRED", "pedestrian", false),
      new Passage(9, "gate-n", "北门人行 3", "in", "qr", "访客 周女士", true, "OK", "pedestrian", false),
      new Passage(12, "b11-u1", "11 栋 1 单元", "in", "face", "黄丽", true, "OK", "stroller", false),
      new Passage(14, "gate-s", "南门人行 2", "in", "qr", null, false, "QR_INVALID", "pedestrian", false),
      new Passage(18, "b05-u2", "5 栋 2 单元", "out", "face", "吴敏", true, "OK", "pedestrian", true),
      new Passage(21, "gate-n", "北门人行 1", "out", "face", "杨帆", true, "OK", "pedestrian", false),
      new Passage(25, "b02-u1", "2 栋 1 单元", "in", "card", null, false, "UNKNOWN_CARD", "pedestrian", false),
      new Passage(31, "gate-s", "南门人行 1", "in", "face", "孙建国", true, "OK", "wheelchair", false),
      new Passage(38, "b09-u2", "9 栋 2 单元", "in", "face", "李娜", false, "NOT_ALLOWED", "pedestrian", false),
      new Passage(44, "gate-n", "北门人行 4", "in", "face", "张伟", true, "OK", "pedestrian", false));

  /** Newest first, as the store answers, each with its log position. */
  static List<JsonObject> history() {
    long now = System.currentTimeMillis();
    List<JsonObject> events = new ArrayList<>();
    long seq = 1000;
    for (Passage p : PASSAGES) {
      DeviceEvent event = new DeviceEvent("sample-" + seq, now - p.minutesAgo() * 60_000L - 17_000,
          "ft-" + p.door(), p.offline() ? EventKinds.OFFLINE_PASSAGE : EventKinds.PASSAGE,
          p.open() ? Severity.INFO : Severity.WARNING, payload(p));
      events.add(event.toJson().put("seq", seq--));
    }
    return events;
  }

  private static JsonObject payload(Passage p) {
    return new JsonObject()
        .put("decision", p.open() ? "open" : "deny")
        .put("reason", p.reason())
        .put("personId", p.person() == null ? null : "R" + Math.abs(p.person().hashCode() % 9000 + 1000))
        .put("personName", p.person())
        .put("openMs", p.open() ? 3000 : 0)
        .put("direction", p.direction())
        .put("method", p.method())
        .put("bodyType", p.bodyType())
        .put("door", p.door())
        .put("doorName", p.doorName());
  }

  static List<DeviceStatus> devices() {
    long now = System.currentTimeMillis();
    return List.of(
        device("ft-gate-n-1", "face-terminal", "gate-n", true, now - 20_000, now),
        device("ft-gate-n-2", "face-terminal", "gate-n", true, now - 12_000, now),
        device("ft-gate-n-3", "face-terminal", "gate-n", true, now - 31_000, now),
        device("ft-gate-n-4", "face-terminal", "gate-n", true, now - 8_000, now),
        device("ft-gate-s-1", "face-terminal", "gate-s", true, now - 15_000, now),
        device("ft-gate-s-2", "face-terminal", "gate-s", false, now - 47 * 60_000, now - 46 * 60_000),
        device("ft-b03-u1", "face-terminal", "b03-u1", true, now - 25_000, now),
        device("cr-b07-u2", "card-reader", "b07-u2", true, now - 4_000, now),
        device("cr-b02-u1", "card-reader", "b02-u1", false, now - 3 * 3600_000, now - 3 * 3600_000),
        device("ft-b11-u1", "face-terminal", "b11-u1", true, now - 9_000, now),
        device("barrier-ebike", "barrier", "gate-ebike", true, now - 2_000, now),
        device("lamp-ctl-1", "solar-lamp", null, true, now - 50_000, now));
  }

  private static DeviceStatus device(String id, String type, String door, boolean online, long seen, long changed) {
    return new DeviceStatus(id, type, door, online, seen, changed, new JsonObject());
  }
}
