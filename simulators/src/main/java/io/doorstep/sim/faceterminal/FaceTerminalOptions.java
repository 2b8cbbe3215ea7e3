package io.doorstep.sim.faceterminal;

import java.time.Duration;
import java.util.Objects;

/**
 * How one simulated terminal behaves. The defaults are the interface's own numbers; tests
 * shorten the intervals so that a retry or a timeout happens within a second.
 *
 * @param brokerUrl           "tcp://host:port"
 * @param sn                  serial number: client id, user name and topic segment
 * @param password            null to connect without one
 * @param heartbeatInterval   interface: 30 s
 * @param verifyTimeout       how long a verify waits for the gateway; interface: 800 ms
 * @param recordRetryInterval how often an unacknowledged up/record is repeated; interface: 10 s
 * @param recordsPerMessage   interface: at most 200
 * @param personCapacity      interface: 10,000
 * @param heldOpenAlarmAfter  interface: HELD_OPEN after 30 s open
 * @param reconnectMin        first back-off after a lost or refused connection
 * @param reconnectMax        the back-off doubles up to this
 * @param keepAliveS          MQTT keep-alive; how soon the broker notices a silent death
 */
public record FaceTerminalOptions(
    String brokerUrl,
    String sn,
    String password,
    Duration heartbeatInterval,
    Duration verifyTimeout,
    Duration recordRetryInterval,
    int recordsPerMessage,
    int personCapacity,
    Duration heldOpenAlarmAfter,
    Duration reconnectMin,
    Duration reconnectMax,
    int keepAliveS,
    String model,
    String fw,
    String ip) {

  public FaceTerminalOptions {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    Objects.requireNonNull(sn, "sn");
    // The SN is a topic segment: a wildcard or a slash in it would subscribe to others' topics.
    if (sn.isEmpty() || sn.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
      throw new IllegalArgumentException("sn must be non-empty without '/', '+', '#': " + sn);
    }
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(verifyTimeout, "verifyTimeout");
    requirePositive(recordRetryInterval, "recordRetryInterval");
    requirePositive(heldOpenAlarmAfter, "heldOpenAlarmAfter");
    requirePositive(reconnectMin, "reconnectMin");
    requirePositive(reconnectMax, "reconnectMax");
    if (recordsPerMessage < 1 || personCapacity < 0 || keepAliveS < 0) {
      throw new IllegalArgumentException("recordsPerMessage >= 1, personCapacity >= 0, keepAliveS >= 0");
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fw, "fw");
    Objects.requireNonNull(ip, "ip");
  }

  public static Builder builder(String brokerUrl, String sn) {
    return new Builder(brokerUrl, sn);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** Defaults from the interface text; every setter returns the builder. */
  public static final class Builder {
    private final String brokerUrl;
    private final String sn;
    private String password;
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration verifyTimeout = Duration.ofMillis(800);
    private Duration recordRetryInterval = Duration.ofSeconds(10);
    private int recordsPerMessage = 200;
    private int personCapacity = 10_000;
    private Duration heldOpenAlarmAfter = Duration.ofSeconds(30);
    private Duration reconnectMin = Duration.ofMillis(100);
    private Duration reconnectMax = Duration.ofSeconds(5);
    private int keepAliveS = 30;
    private String model = "FT-8";
    private String fw = "3.2.1";
    private String ip = "127.0.0.1";

    private Builder(String brokerUrl, String sn) {
      this.brokerUrl = brokerUrl;
      this.sn = sn;
    }

    public Builder password(String value) { password = value; return this; }
    public Builder heartbeatInterval(Duration value) { heartbeatInterval = value; return this; }
    public Builder verifyTimeout(Duration value) { verifyTimeout = value; return this; }
    public Builder recordRetryInterval(Duration value) { recordRetryInterval = value; return this; }
    public Builder recordsPerMessage(int value) { recordsPerMessage = value; return this; }
    public Builder personCapacity(int value) { personCapacity = value; return this; }
    public Builder heldOpenAlarmAfter(Duration value) { heldOpenAlarmAfter = value; return this; }
    public Builder reconnectMin(Duration value) { reconnectMin = value; return this; }
    public Builder reconnectMax(Duration value) { reconnectMax = value; return this; }
    public Builder keepAliveS(int value) { keepAliveS = value; return this; }
    public Builder model(String value) { model = value; return this; }
    public Builder fw(String value) { fw = value; return this; }
    public Builder ip(String value) { ip = value; return this; }

    public FaceTerminalOptions build() {
      return new FaceTerminalOptions(brokerUrl, sn, password, heartbeatInterval, verifyTimeout,
          recordRetryInterval, recordsPerMessage, personCapacity, heldOpenAlarmAfter,
          reconnectMin, reconnectMax, keepAliveS, model, fw, ip);
    }

    /** Builds the options and a simulator that is not yet connected: call {@code start()}. */
    public FaceTerminalSimulator create() {
      return new FaceTerminalSimulator(build());
    }
  }
}
