package io.doorstep.sim.broker;

import io.doorstep.sim.ExternalProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A real Mosquitto on a free loopback port, for tests and benchmarks in every module.
 *
 * <p>A real broker rather than an embedded Java one, because the estate runs Mosquitto and
 * its behaviour (retained wills, persistent sessions, queue limits) is what the drivers and
 * simulators must agree with. {@link #restart()} keeps the port, so clients can prove that
 * they reconnect on their own.
 */
public final class MosquittoBroker implements AutoCloseable {

  private static final List<String> KNOWN_LOCATIONS =
      List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto",
          "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 5;
  /** Brokers still running, ended when the JVM exits so that an aborted run leaves none behind. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroy), "mosquitto-reaper"));
  }

  private final Path binary;
  private final Path dir;
  private final Path log;
  private final Builder settings;
  private int port;
  private Process process;

  private MosquittoBroker(Path binary, Path dir, Builder settings) {
    this.binary = binary;
    this.dir = dir;
    this.log = dir.resolve("mosquitto.log");
    this.settings = settings;
  }

  /** Starts a broker on a free 127.0.0.1 port and returns once it accepts connections. */
  public static MosquittoBroker start() {
    return builder().start();
  }

  /** A broker with TLS or logins, as an upstream platform's would be; plain and open by default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options beyond the default plain, anonymous listener. Files are used where they are. */
  public static final class Builder {
    private Path caFile;
    private Path certFile;
    private Path keyFile;
    private boolean requireCertificate;
    private Path passwordFile;
    private Path aclFile;
    private boolean persistent;

    private Builder() {}

    /**
     * Sessions, subscriptions and queued QoS 1 messages survive {@link #restart()} (saved on the
     * clean stop), as on a platform's broker: a subscriber that was away gets what it missed.
     */
    public Builder persistent() {
      this.persistent = true;
      return this;
    }

    /** The listener speaks TLS only, with this server certificate; clients are checked against {@code caFile}. */
    public Builder tls(Path caFile, Path certFile, Path keyFile) {
      this.caFile = caFile;
      this.certFile = certFile;
      this.keyFile = keyFile;
      return this;
    }

    /**
     * Clients must present a certificate signed by the TLS CA; its CN becomes the user name
     * ({@code use_identity_as_username}), as for an X.509 login.
     */
    public Builder requireClientCertificate() {
      this.requireCertificate = true;
      return this;
    }

    /** No anonymous clients: only the logins in this file (made with {@code mosquitto_passwd}). */
    public Builder passwordFile(Path passwordFile) {
      this.passwordFile = passwordFile;
      return this;
    }

    public Builder aclFile(Path aclFile) {
      this.aclFile = aclFile;
      return this;
    }

    public MosquittoBroker start() {
      if (requireCertificate && caFile == null) {
        throw new IllegalStateException("requireClientCertificate needs tls(...)");
      }
      return MosquittoBroker.launchNew(this);
    }
  }

  private static MosquittoBroker launchNew(Builder settings) {
    Path binary = findBinary();
    MosquittoBroker broker;
    try {
      broker = new MosquittoBroker(binary, Files.createTempDirectory("doorstep-mosquitto-"), settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir for mosquitto", e);
    }
    // A free port can be taken by someone else between probing and binding: try again then.
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      try {
        broker.port = freePort();
        broker.launch();
        return broker;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    broker.close();
    throw Objects.requireNonNull(last);
  }

  /** {@code ssl://127.0.0.1:port} with TLS, else {@code tcp://127.0.0.1:port}. */
  public String url() {
    return (settings.caFile != null ? "ssl" : "tcp") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The broker's own log, to read when a test fails for a reason the clients cannot see. */
  public Path logFile() {
    return log;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the broker as a power cut would not: SIGTERM, so it closes its sockets cleanly. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    RUNNING.remove(process);
    ExternalProgram.stop(process);
    process = null;
  }

  /** Stops and starts again on the same port; retained messages and sessions are gone unless {@code persistent()}. */
  public synchronized void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp dir left behind is harmless.
    }
  }

  private synchronized void launch() {
    try {
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(conf, config(), StandardCharsets.UTF_8);
      process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("mosquitto.out").toFile())
          .start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    awaitAccepting();
  }

  private String config() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("listener " + port + " 127.0.0.1");
    if (settings.caFile != null) {
      lines.add("cafile " + settings.caFile.toAbsolutePath());
      lines.add("certfile " + settings.certFile.toAbsolutePath());
      lines.add("keyfile " + settings.keyFile.toAbsolutePath());
    }
    if (settings.requireCertificate) {
      lines.add("require_certificate true");
      lines.add("use_identity_as_username true");
    }
    if (settings.passwordFile != null) {
      lines.add("allow_anonymous false");
      lines.add("password_file " + settings.passwordFile.toAbsolutePath());
    } else {
      lines.add("allow_anonymous true");
    }
    if (settings.aclFile != null) {
      lines.add("acl_file " + settings.aclFile.toAbsolutePath());
    }
    if (settings.persistent) {
      lines.add("persistence true");
      lines.add("persistence_location " + dir.toAbsolutePath() + "/");
    } else {
      lines.add("persistence false");
    }
    lines.add(common());
    return String.join("\n", lines);
  }

  private String common() {
    return String.join("\n",
        // Without it every small publish waits for Nagle: 14-23 ms per loopback round trip.
        "set_tcp_nodelay true",
        // Run as root, mosquitto would switch to user 'mosquitto' and lose its temp dir.
        "user " + System.getProperty("user.name"),
        // The default (1000) silently drops QoS 1 messages to a busy subscriber under load.
        "max_queued_messages 100000",
        "log_dest file " + log,
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
        "");
  }

  private void awaitAccepting() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        RUNNING.remove(process);
        process = null;
        throw new IllegalStateException(
            "mosquitto exited at start on port " + port + ": " + tail());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    stop();
    throw new IllegalStateException("mosquitto did not accept on port " + port + ": " + tail());
  }

  private String tail() {
    try {
      String text = Files.exists(log) ? Files.readString(log) : "";
      Path out = dir.resolve("mosquitto.out");
      if (Files.exists(out)) {
        text += Files.readString(out);
      }
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path findBinary() {
    return ExternalProgram.find("mosquitto", "MOSQUITTO", KNOWN_LOCATIONS);
  }


  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for mosquitto", e);
    }
  }
}
