package io.doorstep.sim.broker;

import io.doorstep.sim.ExternalProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test with {@code openssl}, and certificates it signs:
 * brokers and clients that are refused or trusted on purpose. Keys are PKCS#8 PEM
 * ({@code BEGIN PRIVATE KEY}), as OpenSSL 3 writes them, and valid for two days.
 */
public final class ThrowawayPki {
  private static final List<String> KNOWN_LOCATIONS = List.of("/usr/bin/openssl", "/usr/local/bin/openssl");

  private final Path dir;
  private final Path openssl;
  private final String name;

  private ThrowawayPki(Path dir, Path openssl, String name) {
    this.dir = dir;
    this.openssl = openssl;
    this.name = name;
  }

  /** True if {@code openssl} can be found, so a test can skip itself rather than fail where it is missing. */
  public static boolean available() {
    try {
      ExternalProgram.find("openssl", "OPENSSL", KNOWN_LOCATIONS);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A new CA (EC P-256) named {@code name}, its files in {@code dir}. */
  public static ThrowawayPki create(Path dir, String name) {
    ThrowawayPki pki = new ThrowawayPki(dir, ExternalProgram.find("openssl", "OPENSSL", KNOWN_LOCATIONS), name);
    pki.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", pki.caKey().toString(), "-out", pki.caFile().toString(), "-days", "2",
        "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return pki;
  }

  public Path caFile() {
    return dir.resolve(name + "-ca.pem");
  }

  private Path caKey() {
    return dir.resolve(name + "-ca.key");
  }

  /**
   * A server certificate (RSA 2048) for these names; an IP address becomes an IP SAN, anything
   * else a DNS SAN.
   */
  public Issued server(String fileName, String... names) {
    List<String> sans = new ArrayList<>();
    for (String n : names) {
      sans.add((n.matches("[0-9.]+|.*:.*") ? "IP:" : "DNS:") + n);
    }
    return issue(fileName, names[0], new String[] {"-newkey", "rsa:2048"},
        "subjectAltName=" + String.join(",", sans) + "\nextendedKeyUsage=serverAuth\n");
  }

  /** A client certificate (EC P-256) whose CN is the login name. */
  public Issued client(String fileName, String commonName) {
    return issue(fileName, commonName, new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"},
        "extendedKeyUsage=clientAuth\n");
  }

  /** A certificate and its PKCS#8 key. */
  public record Issued(Path certFile, Path keyFile) {}

  private Issued issue(String fileName, String commonName, String[] keyArgs, String extensions) {
    Path key = dir.resolve(fileName + ".key");
    Path csr = dir.resolve(fileName + ".csr");
    Path cert = dir.resolve(fileName + ".pem");
    Path ext = dir.resolve(fileName + ".ext");
    try {
      Files.writeString(ext, extensions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> req = new ArrayList<>(List.of("req"));
    req.addAll(List.of(keyArgs));
    req.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + commonName));
    run(req.toArray(new String[0]));
    run("x509", "-req", "-in", csr.toString(), "-CA", caFile().toString(), "-CAkey", caKey().toString(),
        "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
    return new Issued(cert, key);
  }

  private void run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(openssl.toString());
    command.addAll(List.of(args));
    try {
      Path out = dir.resolve("openssl.out");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("openssl took over 30 s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("openssl failed (" + p.exitValue() + "): " + command + "\n" + Files.readString(out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + openssl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
