package io.doorstep.gateway.it;

import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.web.WebModule;
import io.doorstep.gateway.web.WebServer;
import io.doorstep.gateway.web.WebSources;
import io.doorstep.gateway.web.auth.Role;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The charging shed of {@link ChargingRig} with the technician console served on a page of its
 * own, where every request comes from technician "王工" (until sessions exist, this stands in
 * for a logged-in technician).
 */
final class TechConsoleRig implements AutoCloseable {
  static final String TECHNICIAN = "王工";

  final ChargingRig charging;
  final WebServer page;
  private final HttpClient http = HttpClient.newHttpClient();

  private TechConsoleRig(ChargingRig charging, WebServer page) {
    this.charging = charging;
    this.page = page;
  }

  static TechConsoleRig start(Path dir) throws Exception {
    ChargingRig charging = ChargingRig.start(dir, "", 16000, 1);
    try {
      WebModule technician = router -> router.route().handler(ctx -> {
        new WebUser(TECHNICIAN, Role.TECHNICIAN).attachTo(ctx);
        ctx.next();
      });
      WebServer page = RunningGateway.await(WebServer.start(charging.running.gateway.vertx(), "127.0.0.1", 0,
          new NoBoard(), List.of(technician, charging.running.gateway.techConsole())));
      return new TechConsoleRig(charging, page);
    } catch (Exception | Error e) {
      charging.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + page.actualPort() + path;
  }

  record Reply(int status, JsonObject json, HttpResponse<byte[]> raw) {}

  Reply send(String method, String path, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonObject json = type.startsWith("application/json") ? new JsonObject(new String(response.body(),
        java.nio.charset.StandardCharsets.UTF_8)) : null;
    return new Reply(response.statusCode(), json, response);
  }

  Reply get(String path) throws Exception {
    return send("GET", path, null);
  }

  Reply post(String path, JsonObject body) throws Exception {
    return send("POST", path, body);
  }

  Reply put(String path, JsonObject body) throws Exception {
    return send("PUT", path, body);
  }

  /** actor, before, after of the audit rows with this action and target, newest first. */
  List<List<String>> audit(String action, String target) throws Exception {
    return RunningGateway.await(charging.running.gateway.store().read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT actor, before_json, after_json FROM audit WHERE action = ? AND target = ? ORDER BY seq DESC")) {
        ps.setString(1, action);
        ps.setString(2, target);
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
        return rows;
      }
    }));
  }

  @Override
  public void close() {
    try {
      RunningGateway.await(page.close());
    } catch (Exception e) {
      // the gateway's close ends the page anyway
    }
    charging.close();
  }

  /** The console's page has no board of its own. */
  private static final class NoBoard implements WebSources {
    @Override
    public Future<List<JsonObject>> recentEvents(int limit, Set<String> kinds) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public List<DeviceStatus> devices() {
      return List.of();
    }

    @Override
    public JsonObject health() {
      return new JsonObject().put("status", "ok");
    }

    @Override
    public String metrics() {
      return "";
    }

    @Override
    public JsonObject estate() {
      return new JsonObject().put("id", "test-estate").put("name", "测试小区");
    }
  }
}
