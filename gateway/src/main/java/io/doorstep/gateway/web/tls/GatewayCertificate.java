package io.doorstep.gateway.web.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's own HTTPS certificate, made on the gateway's first start when the owner installed
 * none: a self-signed P-256 certificate for the configured host names and addresses, valid ten
 * years, kept in the data directory beside a key only the gateway's user can read. Browsers
 * warn about it until it is trusted on each booth PC (docs/web.md says how); an owner with a
 * certificate from their own CA configures it instead.
 */
public final class GatewayCertificate {
  public static final String CERT_FILE = "web-cert.pem";
  public static final String KEY_FILE = "web-key.pem";
  static final Duration VALIDITY = Duration.ofDays(3650);
  private static final Pattern IP = Pattern.compile("[0-9.]+|.*:.*");
  private static final Logger LOG = LoggerFactory.getLogger(GatewayCertificate.class);

  /** The certificate and key files the server loads. */
  public record PemFiles(Path cert, Path key) {}

  private GatewayCertificate() {}

  /**
   * The certificate in {@code dir}, made now if it is not there yet. Blocking: call at start-up.
   *
   * @param hostNames names and IP addresses the booth PCs reach the gateway by; localhost and
   *     127.0.0.1 are always added
   */
  public static PemFiles ensure(Path dir, List<String> hostNames) throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.exists(cert) && Files.exists(key)) {
      return new PemFiles(cert, key);
    }
    Files.createDirectories(dir);
    Set<String> names = new LinkedHashSet<>(hostNames);
    names.add("localhost");
    names.add("127.0.0.1");
    KeyPair pair;
    X509Certificate certificate;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      pair = generator.generateKeyPair();
      certificate = selfSigned(pair, List.copyOf(names));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make the web page's certificate: " + e.getMessage(), e);
    }
    // the key first, readable by the owner only, then the certificate: a half-made pair is never loaded
    writeAtomically(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    try {
      writeAtomically(cert, pem("CERTIFICATE", certificate.getEncoded()), false);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the web page's certificate: " + e.getMessage(), e);
    }
    LOG.info("made a self-signed certificate for the web page ({}), valid until {}: {}", String.join(", ", names),
        certificate.getNotAfter().toInstant(), cert);
    return new PemFiles(cert, key);
  }

  private static X509Certificate selfSigned(KeyPair pair, List<String> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("CN=Doorstep gateway " + names.get(0).replaceAll("[,=+<>#;\"\\\\]", "_"));
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      boolean ip = IP.matcher(name).matches();
      alternatives.add(ip
          ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress())
          : new GeneralName(GeneralName.dNSName, name));
    }
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void writeAtomically(Path file, String text, boolean secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (secret) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
