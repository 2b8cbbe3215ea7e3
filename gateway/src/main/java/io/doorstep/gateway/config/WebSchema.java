package io.doorstep.gateway.config;

import io.doorstep.gateway.config.GatewayConfig.SessionIdle;
import io.doorstep.gateway.config.GatewayConfig.WebConfig;
import io.doorstep.gateway.config.GatewayConfig.WebHttps;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway file's {@code web} section. Plain HTTP carries passwords and session cookies in
 * the clear, so it may listen on this computer only; the estate's network reaches the page over
 * HTTPS on its own port.
 */
final class WebSchema {
  static final List<String> KEYS = List.of("bind", "port", "https", "sessions");
  private static final List<String> HTTPS = List.of("bind", "port", "hostNames", "certFile", "keyFile");
  private static final List<String> ROLES = List.of("guard", "technician", "office", "admin");
  /** A day: a session meant to outlast that is a shared password in disguise. */
  private static final int MAX_IDLE_MINUTES = 24 * 60;

  private WebSchema() {}

  static WebConfig read(YamlSource source, YamlMap web) {
    String bind = web.text("bind", TextRule.HOST, ConfigDefaults.WEB_BIND);
    if (!isLoopback(bind)) {
      web.problem("bind", "plain HTTP is served on this computer only (127.0.0.1 or ::1), got " + bind
          + "; to open the page from other computers, configure web.https (docs/web.md)");
    }
    int port = web.integer("port", ConfigDefaults.WEB_PORT, 1, 65535);
    WebHttps https = web.has("https") ? https(source, web.map("https", HTTPS), port) : null;
    YamlMap sessions = web.map("sessions", List.of("idleMinutes"));
    YamlMap idle = sessions.map("idleMinutes", ROLES);
    SessionIdle defaults = SessionIdle.defaults();
    return new WebConfig(bind, port, https, new SessionIdle(
        idle.integer("guard", defaults.guardMinutes(), 1, MAX_IDLE_MINUTES),
        idle.integer("technician", defaults.technicianMinutes(), 1, MAX_IDLE_MINUTES),
        idle.integer("office", defaults.officeMinutes(), 1, MAX_IDLE_MINUTES),
        idle.integer("admin", defaults.adminMinutes(), 1, MAX_IDLE_MINUTES)));
  }

  private static WebHttps https(YamlSource source, YamlMap https, int httpPort) {
    String bind = https.text("bind", TextRule.HOST, ConfigDefaults.WEB_HTTPS_BIND);
    int port = https.integer("port", ConfigDefaults.WEB_HTTPS_PORT, 1, 65535);
    if (port == httpPort) {
      https.problem("port", "HTTPS needs a port of its own; web.port is " + httpPort + " too");
    }
    if (https.has("certFile") != https.has("keyFile")) {
      String missing = https.has("certFile") ? "keyFile" : "certFile";
      https.problem(missing, "an installed certificate needs both web.https.certFile and web.https.keyFile;"
          + " give neither to have the gateway make its own");
    }
    Path cert = UpstreamSchema.file(source, https, "certFile");
    Path key = UpstreamSchema.file(source, https, "keyFile");
    return new WebHttps(bind, port, https.texts("hostNames", TextRule.HOST), cert, key);
  }

  /** By syntax: the configuration is checked without asking the network. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")
        || (Hosts.isIpv4(host) && host.startsWith("127."));
  }
}
