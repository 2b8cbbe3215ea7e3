package io.doorstep.bench.sync;

import io.doorstep.gateway.store.PersonRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The floor: a plain MQTT client publishes the same {@code person-upsert} messages the gateway
 * would (50 persons each, the same faces) and waits for each ack before the next, as the
 * gateway does. What is left is the broker and the terminal; the gateway's run is measured
 * against it. Building a message is not timed: only publish to ack.
 */
final class FloorRun {
  private static final int PER_MESSAGE = 50;
  private static final Duration ACK_PATIENCE = Duration.ofSeconds(60);

  private FloorRun() {}

  record Result(Duration elapsed, int messages, long bytes) {}

  static Result run(String brokerUrl, List<PersonRecord> persons, BenchFaces faces) throws Exception {
    Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    MqttClient client = new MqttClient(brokerUrl, "doorstep-bench-floor", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(10);
    client.connect(options);
    try {
      client.subscribe("ft/" + BenchEstate.SN + "/up/ack", 1, (topic, message) -> {
        JsonObject ack = new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8));
        CompletableFuture<JsonObject> f = waiting.remove(ack.getString("ackMsgId"));
        if (f != null) {
          f.complete(ack);
        }
      });
      long nanos = 0;
      long bytes = 0;
      int messages = 0;
      for (int from = 0; from < persons.size(); from += PER_MESSAGE) {
        String msgId = "floor-" + from;
        byte[] body = upsert(msgId, persons.subList(from, Math.min(persons.size(), from + PER_MESSAGE)), faces);
        CompletableFuture<JsonObject> ack = new CompletableFuture<>();
        waiting.put(msgId, ack);
        long start = System.nanoTime();
        client.publish("ft/" + BenchEstate.SN + "/down/person-upsert", body, 1, false);
        JsonObject answer = ack.get(ACK_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        nanos += System.nanoTime() - start;
        if (!answer.getBoolean("ok", false) || !answer.getJsonArray("failed", new JsonArray()).isEmpty()) {
          throw new IllegalStateException("the terminal refused floor message " + msgId + ": " + answer.encode());
        }
        bytes += body.length;
        messages++;
      }
      return new Result(Duration.ofNanos(nanos), messages, bytes);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  /** The body as the interface spells it and the gateway's driver writes it. */
  private static byte[] upsert(String msgId, List<PersonRecord> persons, BenchFaces faces) {
    JsonArray list = new JsonArray();
    for (PersonRecord p : persons) {
      list.add(new JsonObject().put("personId", p.id()).put("name", p.name()).put("validFrom", p.validFrom())
          .put("validTo", p.validTo()).put("cards", new JsonArray(p.cards()))
          .put("faceJpeg", Base64.getEncoder().encodeToString(faces.face(p.id()))));
    }
    return new JsonObject().put("msgId", msgId).put("ts", System.currentTimeMillis()).put("persons", list)
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
