package io.doorstep.drivers.mqtt;

import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS for an {@code ssl://} link, from PEM files: the broker is trusted only if its certificate
 * chains to {@code caFile} (the JVM's default trust store is not consulted), and its name must
 * match the URL's host. A client certificate and its key, when given, log the gateway in by
 * X.509 (ThingsBoard's alternative to an access token).
 *
 * @param caFile PEM, one or more {@code BEGIN CERTIFICATE} blocks
 * @param clientCertFile PEM certificate (chain) of the gateway, or null
 * @param clientKeyFile PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, unencrypted) for it, or null
 */
public record MqttTls(Path caFile, Path clientCertFile, Path clientKeyFile) {

  public MqttTls {
    Objects.requireNonNull(caFile, "caFile");
    if ((clientCertFile == null) != (clientKeyFile == null)) {
      throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
    }
  }

  public static MqttTls trusting(Path caFile) {
    return new MqttTls(caFile, null, null);
  }

  public MqttTls withClientCertificate(Path certFile, Path keyFile) {
    return new MqttTls(caFile, certFile, keyFile);
  }

  /**
   * Reads the files now: the link calls this at start, and a gateway may call it while checking
   * its configuration, so that a wrong file is reported before anything connects.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public SSLSocketFactory socketFactory() {
    return PemTls.socketFactory(this);
  }

  public boolean hasClientCertificate() {
    return clientCertFile != null;
  }
}
