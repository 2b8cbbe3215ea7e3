package io.doorstep.drivers.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An {@link SSLSocketFactory} from PEM files with the JDK alone: no Bouncy Castle for three
 * files. Every failure names the file and what is wrong with it, because the person reading it
 * is an installer holding the files the platform's operator sent.
 */
final class PemTls {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** @throws IllegalArgumentException naming the file and the fault */
  static SSLSocketFactory socketFactory(MqttTls tls) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      List<X509Certificate> cas = certificates(tls.caFile(), "CA file");
      for (int i = 0; i < cas.size(); i++) {
        trust.setCertificateEntry("ca-" + i, cas.get(i));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);

      KeyManagerFactory kmf = null;
      if (tls.hasClientCertificate()) {
        List<X509Certificate> chain = certificates(tls.clientCertFile(), "client certificate file");
        PrivateKey key = privateKey(tls.clientKeyFile(), chain.get(0));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, NO_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return new NoDelaySslSocketFactory(context.getSocketFactory());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("TLS setup failed: " + e.getMessage(), e);
    }
  }

  static List<X509Certificate> certificates(Path file, String what) {
    String text = read(file, what);
    List<X509Certificate> certificates = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("this JVM has no X.509 support", e);
    }
    for (Block block : blocks(text)) {
      if (!block.type().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der(file, what))));
      } catch (CertificateException e) {
        throw new IllegalArgumentException(what + " " + file + ": certificate " + (certificates.size() + 1)
            + " is not a valid X.509 certificate (" + e.getMessage() + ")", e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(what + " " + file
          + ": no certificate in it (expected a PEM block '-----BEGIN CERTIFICATE-----')");
    }
    return certificates;
  }

  static PrivateKey privateKey(Path file, X509Certificate certificate) {
    String what = "client key file";
    String text = read(file, what);
    List<Block> blocks = blocks(text);
    for (Block block : blocks) {
      switch (block.type()) {
        case "PRIVATE KEY" -> {
          String algorithm = certificate.getPublicKey().getAlgorithm();
          try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der(file, what)));
          } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(what + " " + file + ": not a PKCS#8 " + algorithm
                + " private key matching the client certificate (" + e.getMessage() + ")", e);
          }
        }
        case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new IllegalArgumentException(what + " " + file
            + ": a traditional '" + block.type() + "' is not supported; convert it to PKCS#8 with "
            + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pk8.pem'");
        case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(what + " " + file
            + ": the key is encrypted; the gateway needs it unencrypted (protect the file by its permissions): "
            + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pk8.pem'");
        default -> { }
      }
    }
    throw new IllegalArgumentException(what + " " + file
        + ": no private key in it (expected a PEM block '-----BEGIN PRIVATE KEY-----')");
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(what + " " + file + ": no such file", e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(what + " " + file + ": not a PEM text file (binary DER? convert with "
          + "'openssl x509 -inform der -in " + file.getFileName() + "')", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " " + file + ": cannot read it (" + e + ")", e);
    }
  }

  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }

  private record Block(String type, String base64) {
    byte[] der(Path file, String what) {
      try {
        return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " " + file + ": the '" + type + "' block is not valid base64", e);
      }
    }
  }
}
