package io.doorstep.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole validated configuration: one gateway file plus the estate file it names.
 * Only {@link ConfigLoader} builds these; everything else receives them ready and valid.
 */
public record GatewayConfig(
    Path sourceFile,
    Path dataDir,
    WebConfig web,
    BrokerConfig broker,
    DeviceTiming devices,
    UpstreamConfig upstream,
    LoggingConfig logging,
    EstateConfig estate) {

  /** The same configuration for another estate (the demo points its lines at simulators). */
  public GatewayConfig withEstate(EstateConfig other) {
    return new GatewayConfig(sourceFile, dataDir, web, broker, devices, upstream, logging, other);
  }

  /** The local web page. */
  public record WebConfig(String bind, int port) {}

  /**
   * The estate's local MQTT broker.
   *
   * @param url {@code embedded} for the demo broker in this process, else {@code tcp://host:port}
   * @param embeddedBind address the embedded broker binds, when embedded
   * @param embeddedPort port the embedded broker binds, when embedded
   */
  public record BrokerConfig(
      String url, String clientId, String username, String password, String embeddedBind, int embeddedPort) {

    public boolean embedded() {
      return "embedded".equals(url);
    }

    /** The URL clients connect to, whether the broker is embedded or not. */
    public String connectUrl() {
      return embedded() ? "tcp://" + embeddedBind + ":" + embeddedPort : url;
    }
  }

  /** How presence is judged: offline after {@code missedHeartbeats} intervals without a sign of life. */
  public record DeviceTiming(int heartbeatIntervalS, int missedHeartbeats) {}

  /** The platform upstream; a later capability fills this in. */
  public record UpstreamConfig(boolean enabled, String url) {}

  /** @param file a log file, or null to log to standard output only */
  public record LoggingConfig(String level, Path file) {
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  }
}
