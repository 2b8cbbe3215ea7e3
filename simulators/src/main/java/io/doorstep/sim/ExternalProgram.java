package io.doorstep.sim;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Finds a Debian program the test harnesses start (mosquitto, socat), or says how to get it. */
public final class ExternalProgram {
  private ExternalProgram() {}

  /** SIGTERM, so the program closes its sockets (and saves its state) cleanly; SIGKILL after 5 s. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The program from the environment variable {@code override}, else the first of {@code known}
   * that is executable, else the first on the PATH.
   *
   * @throws IllegalStateException naming where it looked and the package to install
   */
  public static Path find(String name, String override, List<String> known) {
    String given = System.getenv(override);
    if (given != null && Files.isExecutable(Path.of(given))) {
      return Path.of(given);
    }
    for (String location : known) {
      if (Files.isExecutable(Path.of(location))) {
        return Path.of(location);
      }
    }
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, name))) {
        return Path.of(entry, name);
      }
    }
    throw new IllegalStateException(name + " not found (looked in " + known + " and PATH); install it: apt-get install "
        + name + ", or set " + override + " to its path");
  }
}
