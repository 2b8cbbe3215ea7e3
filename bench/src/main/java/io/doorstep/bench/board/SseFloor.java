package io.doorstep.bench.board;

import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The floor: the board's own stream, {@code /api/stream}, read by a plain Java HTTP client
 * logged in as the same guard, with no browser. For every event it notes when the event began
 * (the terminal's timestamp it carries) and when it arrived here, on the same wall clock.
 */
final class SseFloor implements AutoCloseable {
  /** One event as the stream delivered it. */
  record Arrival(String kind, double originMs, double arrivedMs) {}

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile Stream<String> lines;
  private volatile String error;
  private volatile boolean connected;
  private volatile boolean closing;

  SseFloor(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    this.reader = new Thread(this::read, "bench-sse-floor");
    reader.setDaemon(true);
  }

  /** Logs in as the login page does (a page first, for the anti-forgery cookie), then opens the stream. */
  SseFloor login(String name, String password) throws Exception {
    http.send(request("/login.html").GET().build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = http.send(request("/api/session/login")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("name", name).put("password", password).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("the gateway refused the guard's login: " + login.statusCode() + " " + login.body());
    }
    reader.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!connected && error == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!connected) {
      throw new IllegalStateException("the event stream did not open: " + error);
    }
    return this;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  private void read() {
    SseFrames frames = new SseFrames((name, data) -> {
      if (name.equals("event")) {
        arrived(data, epochMs(Instant.now()));
      }
    });
    try {
      HttpResponse<Stream<String>> response = http.send(request("/api/stream").GET().build(),
          HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        error = "HTTP " + response.statusCode();
        return;
      }
      lines = response.body();
      lines.forEach(line -> {
        if (line.startsWith(": connected")) {
          connected = true;
        }
        frames.line(line);
      });
      if (!closing) {
        error = "the stream ended";
      }
    } catch (Exception e) {
      if (!closing) {
        error = "the stream failed: " + e;
      }
    }
  }

  private void arrived(String data, double arrivedMs) {
    JsonObject event = new JsonObject(data);
    arrivals.put(event.getString("id"), new Arrival(event.getString("kind"), originMs(event), arrivedMs));
  }

  /**
   * When the event began: a passage carries the terminal's time of the request in
   * {@code payload.deviceTs}; a terminal's alarm is stamped with the terminal's own time.
   */
  static double originMs(JsonObject event) {
    JsonObject payload = event.getJsonObject("payload");
    Long deviceTs = payload == null ? null : payload.getLong("deviceTs");
    return deviceTs != null ? deviceTs : event.getLong("ts", 0L);
  }

  static double epochMs(Instant t) {
    return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
  }

  Arrival arrival(String id) {
    return arrivals.get(id);
  }

  Map<String, Arrival> arrivals() {
    return Map.copyOf(arrivals);
  }

  /** Why the stream ended early, or null while it runs. */
  String error() {
    return error;
  }

  @Override
  public void close() {
    closing = true;
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
