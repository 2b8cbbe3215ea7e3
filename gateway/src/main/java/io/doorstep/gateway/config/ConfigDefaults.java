package io.doorstep.gateway.config;

/**
 * What the gateway uses for a key the gateway file leaves out. Kept together so the defaults, the
 * shipped {@code config/gateway.yaml} and {@code docs/configuration.md} can be compared at a glance.
 */
public final class ConfigDefaults {
  private ConfigDefaults() {}

  /** Relative to the process's working directory. */
  public static final String DATA_DIR = "./data";

  /** Modbus device profiles; relative to the gateway file (or, for an estate file alone, to its directory's parent). */
  public static final String PROFILES_DIR = "profiles";

  public static final String WEB_BIND = "127.0.0.1";
  public static final int WEB_PORT = 8080;
  /** HTTPS, when web.https is given, listens on every address of the box by default. */
  public static final String WEB_HTTPS_BIND = "0.0.0.0";
  public static final int WEB_HTTPS_PORT = 8443;
  /** A session unused this long ends; a guard's lasts a shift, since the booth's board runs all of it. */
  public static final int IDLE_MINUTES = 30;
  public static final int GUARD_IDLE_MINUTES = 12 * 60;

  public static final String BROKER_URL = "embedded";
  public static final String BROKER_CLIENT_ID = "doorstep-gateway";
  public static final String EMBEDDED_BROKER_BIND = "127.0.0.1";
  public static final int EMBEDDED_BROKER_PORT = 1883;

  public static final int HEARTBEAT_INTERVAL_S = 30;
  public static final int MISSED_HEARTBEATS = 3;

  public static final boolean UPSTREAM_ENABLED = false;
  public static final String UPSTREAM_CLIENT_ID = "doorstep-gateway";
  /** Messages published and not yet acknowledged by the platform's broker. */
  public static final int UPSTREAM_MAX_IN_FLIGHT = 32;
  public static final int UPSTREAM_BACKLOG_MAX_EVENTS = 1_000_000;
  public static final int UPSTREAM_BACKLOG_MAX_AGE_DAYS = 30;

  public static final String LOG_LEVEL = "INFO";
}
