package io.doorstep.gateway.it;

import io.doorstep.gateway.Gateway;
import io.doorstep.gateway.web.WebLogin;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The charging shed of {@link ChargingRig} and the gateway's own page, where technician "王工"
 * is logged in.
 */
final class TechConsoleRig implements AutoCloseable {
  static final String TECHNICIAN = "王工";

  final ChargingRig charging;
  /** The technician {@link #TECHNICIAN}, logged in to the gateway's own page. */
  final WebLogin login;

  private TechConsoleRig(ChargingRig charging, WebLogin login) {
    this.charging = charging;
    this.login = login;
  }

  static TechConsoleRig start(Path dir) throws Exception {
    ChargingRig charging = ChargingRig.start(dir, "", 16000, 1);
    try {
      Gateway gateway = charging.running.gateway;
      return new TechConsoleRig(charging,
          WebLogin.as(gateway.vertx(), gateway.store(), gateway.webPort(), TECHNICIAN, Role.TECHNICIAN));
    } catch (Exception | Error e) {
      charging.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + charging.running.gateway.webPort() + path;
  }

  record Reply(int status, JsonObject json, HttpResponse<byte[]> raw) {}

  Reply send(String method, String path, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<byte[]> response = login.exchange(request, HttpResponse.BodyHandlers.ofByteArray());
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
    charging.close();
  }
}
