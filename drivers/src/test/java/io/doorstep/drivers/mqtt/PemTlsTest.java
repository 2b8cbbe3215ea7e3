package io.doorstep.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an installer reads when a PEM file is wrong. Valid files are proven against Mosquitto in the gateway's tests. */
class PemTlsTest {
  @TempDir Path dir;

  private String error(Path ca) {
    return assertThrows(IllegalArgumentException.class, () -> MqttTls.trusting(ca).socketFactory()).getMessage();
  }

  @Test
  void aMissingCaFileIsNamed() {
    Path ca = dir.resolve("ca.pem");
    assertEquals("CA file " + ca + ": no such file", error(ca));
  }

  @Test
  void aFileWithoutCertificatesSaysWhatWasExpected() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "hello\n");
    assertEquals("CA file " + ca + ": no certificate in it (expected a PEM block '-----BEGIN CERTIFICATE-----')",
        error(ca));
  }

  @Test
  void aCertificateThatIsNotX509IsNamedByPosition() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertTrue(error(ca).startsWith("CA file " + ca + ": certificate 1 is not a valid X.509 certificate"), error(ca));
  }

  @Test
  void badBase64IsReported() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n");
    assertEquals("CA file " + ca + ": the 'CERTIFICATE' block is not valid base64", error(ca));
  }

  @Test
  void aBinaryDerFileIsToldApart() throws Exception {
    Path ca = Files.write(dir.resolve("ca.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe});
    assertTrue(error(ca).contains("not a PEM text file"), error(ca));
  }

  @Test
  void aCertificateWithoutItsKeyIsRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> new MqttTls(dir.resolve("ca.pem"), dir.resolve("c.pem"), null));
  }

  @Test
  void sslUrlsNeedTlsAndTlsNeedsAnSslUrl() {
    assertThrows(IllegalArgumentException.class, () -> MqttLinkOptions.of("ssl://h:8883", "gw"));
    assertThrows(IllegalArgumentException.class,
        () -> MqttLinkOptions.of("tcp://h:1883", "gw", MqttTls.trusting(dir.resolve("ca.pem"))));
  }

  @Test
  void theTokenIsTheUserNameWithoutPasswordAndNeverPrinted() {
    MqttLinkOptions options = MqttLinkOptions.of("tcp://h:1883", "gw").withAccessToken("A1B2C3");
    assertEquals("A1B2C3", options.username());
    assertEquals(null, options.password());
    assertTrue(!options.toString().contains("A1B2C3"), options.toString());
  }

  @Test
  void tlsSocketsLayeredOverPahosSocketHaveNagleOff() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      NoDelaySslSocketFactory factory = new NoDelaySslSocketFactory(SSLContext.getDefault().getSocketFactory());
      try (Socket tls = factory.createSocket(plain, "127.0.0.1", server.getLocalPort(), true)) {
        assertTrue(tls.getTcpNoDelay());
        assertTrue(plain.getTcpNoDelay());
      }
    }
  }
}
