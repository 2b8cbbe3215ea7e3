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

  /**
   * The local web page.
   *
   * @param bind plain HTTP's address, always a loopback one: on the network the page is HTTPS only
   * @param https null for no HTTPS
   */
  public record WebConfig(String bind, int port, WebHttps https, SessionIdle sessions) {

    /** Plain HTTP on this computer only, default sessions: what a file without web.https means. */
    public WebConfig(String bind, int port) {
      this(bind, port, null, SessionIdle.defaults());
    }
  }

  /**
   * The page over HTTPS for the estate's network.
   *
   * @param hostNames names and addresses the booth PCs use, written into a generated certificate
   * @param certFile with keyFile, a certificate the owner installed (PEM, absolute); both null to
   *     have the gateway make its own in the data directory
   */
  public record WebHttps(String bind, int port, List<String> hostNames, Path certFile, Path keyFile) {
    public WebHttps {
      hostNames = List.copyOf(hostNames);
    }
  }

  /** Minutes a session may sit unused, per role. */
  public record SessionIdle(int guardMinutes, int technicianMinutes, int officeMinutes, int adminMinutes) {
    public static SessionIdle defaults() {
      return new SessionIdle(ConfigDefaults.GUARD_IDLE_MINUTES, ConfigDefaults.IDLE_MINUTES,
          ConfigDefaults.IDLE_MINUTES, ConfigDefaults.IDLE_MINUTES);
    }
  }

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

  /**
   * The property company's platform, reached over the ThingsBoard gateway MQTT API.
   *
   * @param url tcp://host:port or ssl://host:port; null only when not enabled
   * @param accessToken the MQTT user name ThingsBoard knows the gateway by; null when a client
   *     certificate logs the gateway in instead
   * @param tls null unless the url is ssl://
   * @param maxInFlight messages published and not yet acknowledged (PUBACK)
   */
  public record UpstreamConfig(
      boolean enabled, String url, String clientId, String accessToken, UpstreamTls tls, int maxInFlight,
      Backlog backlog, Rpc rpc) {

    /** Nothing upstream: what a gateway file without an {@code upstream} section means. */
    public static UpstreamConfig disabled() {
      return new UpstreamConfig(false, null, ConfigDefaults.UPSTREAM_CLIENT_ID, null, null,
          ConfigDefaults.UPSTREAM_MAX_IN_FLIGHT,
          new Backlog(ConfigDefaults.UPSTREAM_BACKLOG_MAX_EVENTS, ConfigDefaults.UPSTREAM_BACKLOG_MAX_AGE_DAYS),
          new Rpc(List.of()));
    }
  }

  /**
   * PEM files, absolute (resolved against the gateway file's directory) and readable at load time.
   *
   * @param caFile the only CA the platform's broker certificate is checked against
   * @param clientCertFile with {@code clientKeyFile}, an X.509 login; both null otherwise
   */
  public record UpstreamTls(Path caFile, Path clientCertFile, Path clientKeyFile) {}

  /**
   * The bound on events waiting for the platform; beyond it the oldest routine telemetry goes
   * first, never alarms or passages.
   */
  public record Backlog(int maxEvents, int maxAgeDays) {}

  /** @param allow RPC methods the platform may call; empty: none */
  public record Rpc(List<String> allow) {
    public Rpc {
      allow = List.copyOf(allow);
    }

    public boolean allows(String method) {
      return allow.contains(method);
    }
  }

  /** @param file a log file, or null to log to standard output only */
  public record LoggingConfig(String level, Path file) {
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  }
}
