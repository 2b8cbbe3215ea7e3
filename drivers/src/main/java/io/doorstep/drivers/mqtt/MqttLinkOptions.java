package io.doorstep.drivers.mqtt;

import java.time.Duration;

/**
 * How the gateway connects to the estate's local broker.
 *
 * @param url tcp://host:port (ssl:// uses the JVM's default TLS settings)
 * @param clientId stable, so the broker keeps the gateway's session across restarts
 * @param username optional
 * @param password optional
 * @param minBackoff first reconnect delay
 * @param maxBackoff longest reconnect delay
 */
public record MqttLinkOptions(
    String url, String clientId, String username, String password, Duration minBackoff, Duration maxBackoff) {

  public static MqttLinkOptions of(String url, String clientId) {
    return new MqttLinkOptions(url, clientId, null, null, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  public MqttLinkOptions withCredentials(String username, String password) {
    return new MqttLinkOptions(url, clientId, username, password, minBackoff, maxBackoff);
  }

  public MqttLinkOptions withBackoff(Duration min, Duration max) {
    return new MqttLinkOptions(url, clientId, username, password, min, max);
  }
}
