package io.doorstep.drivers.mqtt;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Turns what Paho and the JDK throw at a failed connect into the sentence a person needs in
 * {@code lastError}: Paho reports a refused login as a bare reason code and a distrusted
 * certificate as "MqttException" with the real cause three levels down.
 */
final class ConnectFailure {
  private ConnectFailure() {}

  static String describe(Throwable error, MqttLinkOptions options) {
    if (error == null) {
      return "unknown";
    }
    if (error instanceof MqttException m) {
      int code = m.getReasonCode();
      if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
        return "not authorised: check the access token (the broker answered CONNACK " + code + ")";
      }
      if (code == MqttException.REASON_CODE_INVALID_CLIENT_ID) {
        return "client id refused by the broker (CONNACK 2): " + options.clientId();
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
        String ca = options.tls() == null ? "the trust store" : options.tls().caFile().toString();
        return "certificate not trusted: the broker's certificate is not signed by the CA in " + ca
            + " (" + t.getMessage() + ")";
      }
      if (t instanceof CertificateException && t.getMessage() != null
          && (t.getMessage().contains("No subject alternative") || t.getMessage().contains("No name matching"))) {
        return "hostname mismatch: the broker's certificate is not issued for the host in " + options.url()
            + " (" + t.getMessage() + ")";
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + t.getMessage();
      }
      if (t instanceof ConnectException) {
        return "connection refused: " + t.getMessage();
      }
      if (t instanceof UnknownHostException) {
        return "unknown host: " + t.getMessage();
      }
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + ": " + root;
  }
}
