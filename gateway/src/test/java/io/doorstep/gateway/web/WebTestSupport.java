package io.doorstep.gateway.web;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.LocalCodec;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Accounts;
import io.doorstep.gateway.web.auth.SessionPolicy;
import io.doorstep.gateway.web.auth.WebAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the web tests share: a Vert.x with the gateway's codecs, blocking waits, sample data. */
final class WebTestSupport {
  private WebTestSupport() {}

  static Vertx vertx() {
    Vertx vertx = Vertx.vertx();
    LocalCodec.register(vertx.eventBus(), DeviceEvent.class);
    LocalCodec.register(vertx.eventBus(), DeviceStatus.class);
    return vertx;
  }

  /** A real SQLite store in dir, for the accounts the session checks read. */
  static Store store(Vertx vertx, Path dir) throws Exception {
    return Store.open(vertx, dir.resolve("doorstep.db"));
  }

  /** The session checks as the gateway has them, with the default idle times. */
  static WebAuth auth(Vertx vertx, Store store) {
    return new WebAuth(vertx, new Accounts(vertx, store), SessionPolicy.defaults(), null);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static DeviceEvent passage(String personName, boolean open, String reason) {
    JsonObject payload = new JsonObject()
        .put("decision", open ? "open" : "deny")
        .put("reason", reason)
        .put("personId", personName == null ? null : "R1001")
        .put("personName", personName)
        .put("openMs", open ? 3000 : 0)
        .put("voice", open ? "欢迎回家" : "请联系物业")
        .put("text", open ? "欢迎回家" : "请联系物业")
        .put("direction", "in")
        .put("method", "face")
        .put("bodyType", "pedestrian")
        .put("door", "gate-n")
        .put("doorName", "北门人行 1");
    return DeviceEvent.of("ft-gate-n-1", EventKinds.PASSAGE, open ? Severity.INFO : Severity.WARNING, payload);
  }

  static DeviceStatus device(String id, boolean online) {
    long now = System.currentTimeMillis();
    return new DeviceStatus(id, "face-terminal", "gate-n", online, now - 60_000, now - 600_000,
        new JsonObject().put("model", "FT-8"));
  }

  /** A response to a request sent exactly as written, so no client library tidies the path first. */
  record RawResponse(int status, String head, String body) {}

  static RawResponse rawGet(int port, String target) throws IOException {
    return rawGet(port, target, null);
  }

  /** With a Cookie header ({@link WebLogin#cookieHeader()}), or none when null. */
  static RawResponse rawGet(int port, String target, String cookies) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String cookieLine = cookies == null ? "" : "Cookie: " + cookies + "\r\n";
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + cookieLine
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, body);
    }
  }
}
