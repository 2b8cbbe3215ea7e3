package io.doorstep.gateway.config;

import io.doorstep.gateway.config.GatewayConfig.Backlog;
import io.doorstep.gateway.config.GatewayConfig.Rpc;
import io.doorstep.gateway.config.GatewayConfig.UpstreamConfig;
import io.doorstep.gateway.config.GatewayConfig.UpstreamTls;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** The gateway file's {@code upstream} section: the platform, its login, and what it may ask. */
final class UpstreamSchema {
  static final List<String> KEYS =
      List.of("enabled", "url", "clientId", "accessToken", "tls", "maxInFlight", "backlog", "rpc");
  private static final List<String> TLS = List.of("caFile", "clientCertFile", "clientKeyFile");

  private UpstreamSchema() {}

  static UpstreamConfig read(YamlSource source, YamlMap upstream) {
    boolean enabled = upstream.bool("enabled", ConfigDefaults.UPSTREAM_ENABLED);
    String url = upstream.text("url", TextRule.UPSTREAM_URL, null);
    if (enabled) {
      upstream.require("url", "required when upstream.enabled is true");
    }
    String clientId = upstream.text("clientId", TextRule.CLIENT_ID, ConfigDefaults.UPSTREAM_CLIENT_ID);
    String token = upstream.text("accessToken", TextRule.ANY, null);
    UpstreamTls tls = tls(source, upstream, url);
    if (enabled && token == null && (tls == null || tls.clientCertFile() == null)) {
      upstream.require("accessToken",
          "required when upstream.enabled is true, unless tls.clientCertFile and tls.clientKeyFile log the gateway in");
    }
    YamlMap backlog = upstream.map("backlog", List.of("maxEvents", "maxAgeDays"));
    YamlMap rpc = upstream.map("rpc", List.of("allow"));
    return new UpstreamConfig(
        enabled,
        url,
        clientId,
        token,
        tls,
        upstream.integer("maxInFlight", ConfigDefaults.UPSTREAM_MAX_IN_FLIGHT, 1, 1000),
        new Backlog(
            backlog.integer("maxEvents", ConfigDefaults.UPSTREAM_BACKLOG_MAX_EVENTS, 1, 100_000_000),
            backlog.integer("maxAgeDays", ConfigDefaults.UPSTREAM_BACKLOG_MAX_AGE_DAYS, 1, 3650)),
        new Rpc(rpc.texts("allow", TextRule.METHOD)));
  }

  private static UpstreamTls tls(YamlSource source, YamlMap upstream, String url) {
    boolean ssl = url != null && url.startsWith("ssl://");
    if (!ssl) {
      if (upstream.has("tls") && url != null) {
        upstream.problem("tls", "TLS needs an ssl:// url; the url is " + url);
      }
      upstream.map("tls", TLS);
      return null;
    }
    if (!upstream.has("tls")) {
      upstream.problem("tls", "required for an ssl:// url: tls.caFile, the CA the platform's broker certificate is signed by");
      return null;
    }
    YamlMap tls = upstream.map("tls", TLS);
    tls.require("caFile", "required for an ssl:// url: the CA the platform's broker certificate is signed by");
    if (tls.has("clientCertFile") != tls.has("clientKeyFile")) {
      String missing = tls.has("clientCertFile") ? "clientKeyFile" : "clientCertFile";
      tls.problem(missing, "a client certificate needs both tls.clientCertFile and tls.clientKeyFile");
    }
    return new UpstreamTls(file(source, tls, "caFile"), file(source, tls, "clientCertFile"),
        file(source, tls, "clientKeyFile"));
  }

  /** Resolved against the gateway file's directory; must exist and be readable now, not at the first connect. */
  static Path file(YamlSource source, YamlMap map, String key) {
    String text = map.text(key, TextRule.PATH, null);
    if (text == null) {
      return null;
    }
    Path path;
    try {
      path = source.file().resolveSibling(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!Files.exists(path)) {
      map.problem(key, "no such file: " + path + " (a relative path is resolved against the directory of this file)");
    } else if (!Files.isRegularFile(path)) {
      map.problem(key, "not a file: " + path);
    } else if (!Files.isReadable(path)) {
      map.problem(key, "cannot read " + path + ": give the gateway's user read access");
    }
    return path;
  }
}
