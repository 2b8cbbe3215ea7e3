package io.doorstep.bench.verify;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the gateway's web port what a technician could: {@code /health} and {@code /metrics}. */
public final class GatewayProbe {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final int port;
  private final String base;

  GatewayProbe(int webPort) {
    this.port = webPort;
    this.base = "http://127.0.0.1:" + webPort;
  }

  /** True once something accepts connections on the web port. */
  boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The health document, or null while nothing answers 200 on the port. */
  JsonObject health() {
    String body = get("/health");
    return body == null ? null : new JsonObject(body);
  }

  /** The Prometheus text, or null when it cannot be read. */
  public String metrics() {
    return get("/metrics");
  }

  private String get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static boolean brokerConnected(JsonObject health) {
    JsonObject broker = health == null ? null : health.getJsonObject("broker");
    return broker != null && Boolean.TRUE.equals(broker.getBoolean("connected"));
  }

  static int devicesOnline(JsonObject health) {
    JsonObject devices = health == null ? null : health.getJsonObject("devices");
    Integer online = devices == null ? null : devices.getInteger("online");
    return online == null ? 0 : online;
  }
}
