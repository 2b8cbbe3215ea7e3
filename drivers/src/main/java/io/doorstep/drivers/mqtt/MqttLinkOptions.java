package io.doorstep.drivers.mqtt;

import java.time.Duration;

/**
 * How the gateway connects to a broker: the estate's local one, or the platform upstream.
 *
 * @param url tcp://host:port, or ssl://host:port (then {@code tls} is required)
 * @param clientId stable, so the broker keeps the gateway's session across restarts
 * @param username optional; for ThingsBoard the access token
 * @param password optional; none for ThingsBoard
 * @param minBackoff first reconnect delay
 * @param maxBackoff longest reconnect delay
 * @param tls trust and client certificate for ssl://, or null for tcp://
 */
public record MqttLinkOptions(
    String url, String clientId, String username, String password, Duration minBackoff, Duration maxBackoff,
    MqttTls tls) {

  public MqttLinkOptions {
    if (url != null && url.startsWith("ssl://") && tls == null) {
      throw new IllegalArgumentException(url + ": an ssl:// link needs TLS settings (at least a CA file to trust)");
    }
    if (url != null && !url.startsWith("ssl://") && tls != null) {
      throw new IllegalArgumentException(url + ": TLS settings need an ssl:// URL");
    }
  }

  public static MqttLinkOptions of(String url, String clientId) {
    return new MqttLinkOptions(url, clientId, null, null, Duration.ofMillis(500), Duration.ofSeconds(30), null);
  }

  /** TLS from PEM files, for an ssl:// URL. */
  public static MqttLinkOptions of(String url, String clientId, MqttTls tls) {
    return new MqttLinkOptions(url, clientId, null, null, Duration.ofMillis(500), Duration.ofSeconds(30), tls);
  }

  public MqttLinkOptions withCredentials(String username, String password) {
    return new MqttLinkOptions(url, clientId, username, password, minBackoff, maxBackoff, tls);
  }

  /** ThingsBoard's device and gateway login: the token is the user name, with no password. */
  public MqttLinkOptions withAccessToken(String accessToken) {
    return withCredentials(accessToken, null);
  }

  public MqttLinkOptions withBackoff(Duration min, Duration max) {
    return new MqttLinkOptions(url, clientId, username, password, min, max, tls);
  }

  /** Leaves secrets out, so options can be logged. */
  @Override
  public String toString() {
    return "MqttLinkOptions[url=" + url + ", clientId=" + clientId + ", username=" + (username == null ? "none" : "set")
        + ", password=" + (password == null ? "none" : "set") + ", backoff=" + minBackoff + ".." + maxBackoff
        + ", tls=" + tls + "]";
  }
}
