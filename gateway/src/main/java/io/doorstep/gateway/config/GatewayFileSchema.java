package io.doorstep.gateway.config;

import io.doorstep.gateway.config.GatewayConfig.BrokerConfig;
import io.doorstep.gateway.config.GatewayConfig.DeviceTiming;
import io.doorstep.gateway.config.GatewayConfig.LoggingConfig;
import io.doorstep.gateway.config.GatewayConfig.UpstreamConfig;
import io.doorstep.gateway.config.GatewayConfig.WebConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The keys of the gateway file, their types, ranges and defaults ({@link ConfigDefaults}). */
final class GatewayFileSchema {
  private static final List<String> TOP =
      List.of("dataDir", "estate", "profiles", "web", "broker", "devices", "upstream", "logging");
  private static final List<String> BIND_PORT = List.of("bind", "port");
  private static final List<String> BROKER = List.of("url", "clientId", "username", "password", "embedded");

  private GatewayFileSchema() {}

  /**
   * What the gateway file says, before the estate file it names is read.
   *
   * @param estateFile the estate file, resolved against the gateway file's directory; null if not given
   */
  record GatewayFile(
      Path dataDir, Path estateFile, Path profilesDir, WebConfig web, BrokerConfig broker, DeviceTiming devices,
      UpstreamConfig upstream, LoggingConfig logging) {

    GatewayConfig with(Path sourceFile, EstateConfig estate) {
      return new GatewayConfig(sourceFile, dataDir, web, broker, devices, upstream, logging, estate);
    }
  }

  static GatewayFile read(YamlSource source, Node root) {
    YamlMap top = YamlMap.of(source, "", root, TOP);
    Path estate = path(top.requiredText("estate", TextRule.PATH));
    return new GatewayFile(
        workingDirPath(top.text("dataDir", TextRule.PATH, ConfigDefaults.DATA_DIR)),
        estate == null ? null : source.file().resolveSibling(estate).normalize(),
        profilesDir(source, top),
        WebSchema.read(source, top.map("web", WebSchema.KEYS)),
        broker(top.map("broker", BROKER)),
        devices(top.map("devices", List.of("heartbeatIntervalS", "missedHeartbeats"))),
        UpstreamSchema.read(source, top.map("upstream", UpstreamSchema.KEYS)),
        logging(top.map("logging", List.of("level", "file"))));
  }

  /** A missing directory is a mistake only when it was named: the default may be absent. */
  private static Path profilesDir(YamlSource source, YamlMap top) {
    Path dir = path(top.text("profiles", TextRule.PATH, ConfigDefaults.PROFILES_DIR));
    Path resolved = source.file().resolveSibling(dir == null ? Path.of(ConfigDefaults.PROFILES_DIR) : dir).normalize();
    if (top.has("profiles") && !java.nio.file.Files.isDirectory(resolved)) {
      top.problem("profiles", "no such directory: " + resolved + " (a relative path is resolved against the directory of this file)");
    }
    return resolved;
  }

  private static BrokerConfig broker(YamlMap broker) {
    YamlMap embedded = broker.map("embedded", BIND_PORT);
    String username = broker.text("username", TextRule.ANY, null);
    String password = broker.text("password", TextRule.ANY, null);
    if (username == null && password != null) {
      broker.problem("password", "a password needs a username; set broker.username too");
    }
    return new BrokerConfig(
        broker.text("url", TextRule.BROKER_URL, ConfigDefaults.BROKER_URL),
        broker.text("clientId", TextRule.CLIENT_ID, ConfigDefaults.BROKER_CLIENT_ID),
        username,
        password,
        embedded.text("bind", TextRule.HOST, ConfigDefaults.EMBEDDED_BROKER_BIND),
        embedded.integer("port", ConfigDefaults.EMBEDDED_BROKER_PORT, 1, 65535));
  }

  private static DeviceTiming devices(YamlMap devices) {
    return new DeviceTiming(
        devices.integer("heartbeatIntervalS", ConfigDefaults.HEARTBEAT_INTERVAL_S, 1, 3600),
        devices.integer("missedHeartbeats", ConfigDefaults.MISSED_HEARTBEATS, 1, 100));
  }

  private static LoggingConfig logging(YamlMap logging) {
    String file = logging.text("file", TextRule.PATH, null);
    return new LoggingConfig(
        logging.oneOf("level", ConfigDefaults.LOG_LEVEL, LoggingConfig.LEVELS),
        file == null ? null : workingDirPath(file));
  }

  /** Made absolute now, so logs and the web page show where data really goes. */
  private static Path workingDirPath(String text) {
    Path path = path(text);
    return path == null ? null : path.toAbsolutePath().normalize();
  }

  /** Null for a text the schema already reported as no path, rather than a second failure. */
  private static Path path(String text) {
    try {
      return text == null ? null : Path.of(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
