package io.doorstep.drivers.gpio;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.DeviceListener;
import io.doorstep.device.PassageRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The gateway as a driver sees it, answering card reads as the test says and keeping everything. */
final class RecordingListener implements DeviceListener {
  final List<AccessRequest> requests = new CopyOnWriteArrayList<>();
  final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
  final Map<String, Boolean> online = new ConcurrentHashMap<>();
  final Map<String, JsonObject> facts = new ConcurrentHashMap<>();
  volatile Function<AccessRequest, Future<AccessDecision>> decide = r -> Future.succeededFuture(open(r, 0));

  static AccessDecision open(AccessRequest r, int openMs) {
    return new AccessDecision(true, "OK", "R1001", "张三", openMs, "请通行", "请通行");
  }

  static AccessDecision deny(AccessRequest r) {
    return new AccessDecision(false, "UNKNOWN_CARD", null, null, 0, "未授权", "未授权");
  }

  @Override
  public Future<AccessDecision> decide(AccessRequest request) {
    requests.add(request);
    return decide.apply(request);
  }

  @Override
  public Future<Void> offlinePassages(String device, List<PassageRecord> records, String sourceMsgId) {
    throw new AssertionError("a GPIO reader has no offline passages");
  }

  @Override
  public void presence(String device, boolean isOnline, JsonObject deviceFacts) {
    online.put(device, isOnline);
    facts.put(device, deviceFacts);
  }

  @Override
  public void heartbeat(String device, JsonObject deviceFacts) {
    online.put(device, true);
  }

  @Override
  public void event(DeviceEvent event) {
    events.add(event);
  }

  List<DeviceEvent> events(String device, String kind) {
    return events.stream().filter(e -> e.device().equals(device) && e.kind().equals(kind)).toList();
  }

  List<DeviceEvent> alarms(String device, String type) {
    return events.stream()
        .filter(e -> e.device().equals(device) && e.kind().equals(io.doorstep.device.EventKinds.DEVICE_ALARM)
            && type.equals(e.payload().getString("type")))
        .toList();
  }
}
