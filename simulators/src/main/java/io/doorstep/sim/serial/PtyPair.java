package io.doorstep.sim.serial;

import io.doorstep.sim.ExternalProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two pseudo-terminals joined by socat, standing for the two ends of a serial cable: a test
 * opens one end as the gateway's RS-485 adapter and gives the other to a simulated device.
 *
 * <p>The ends are symbolic links in a temp dir, so {@link #restart()} can pull the cable out
 * and put it back: the links then lead to new ptys, and whoever held the old ones reads -1
 * until it opens the path again, as with a USB adapter unplugged and replugged.
 */
public final class PtyPair implements AutoCloseable {

  private static final List<String> KNOWN_LOCATIONS =
      List.of("/usr/bin/socat", "/usr/local/bin/socat", "/opt/homebrew/bin/socat");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  /** Pairs still running, ended when the JVM exits so that an aborted run leaves none behind. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroy), "socat-reaper"));
  }

  private final Path binary;
  private final Path dir;
  private final Path a;
  private final Path b;
  private Process process;

  private PtyPair(Path binary, Path dir) {
    this.binary = binary;
    this.dir = dir;
    this.a = dir.resolve("a");
    this.b = dir.resolve("b");
  }

  /** Starts socat and returns once both links exist. */
  public static PtyPair start() {
    Path binary = findBinary();
    PtyPair pair;
    try {
      pair = new PtyPair(binary, Files.createTempDirectory("doorstep-pty-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir for the pty links", e);
    }
    try {
      pair.launch();
    } catch (RuntimeException e) {
      pair.close();
      throw e;
    }
    return pair;
  }

  /** One end, as a path jSerialComm opens ({@code SerialPort.getCommPort(path)}). */
  public String a() {
    return a.toString();
  }

  /** The other end. */
  public String b() {
    return b.toString();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Unplugs the cable: both ends read -1 from now on, and the links are gone. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    RUNNING.remove(process);
    ExternalProgram.stop(process);
    process = null;
    deleteLinks();
  }

  /** Unplugs and replugs: new ptys behind the same two paths. */
  public synchronized void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
    try {
      Files.deleteIfExists(dir.resolve("socat.log"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temp dir left behind is harmless.
    }
  }

  private synchronized void launch() {
    deleteLinks();
    try {
      process = new ProcessBuilder(binary.toString(), "-d", "-d",
          "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("socat.log").toFile())
          .start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!process.isAlive()) {
        RUNNING.remove(process);
        process = null;
        throw new IllegalStateException("socat exited at start: " + log());
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException("socat made no pty links within " + START_TIMEOUT
            + ": " + log());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting socat", e);
      }
    }
  }

  private void deleteLinks() {
    try {
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the pty links in " + dir, e);
    }
  }

  private String log() {
    try {
      Path log = dir.resolve("socat.log");
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path findBinary() {
    return ExternalProgram.find("socat", "SOCAT", KNOWN_LOCATIONS);
  }

}
