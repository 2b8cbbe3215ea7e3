package io.doorstep.drivers.modbus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals from socat, reachable by fixed link paths: a real serial line
 * for integration tests. Closing kills socat, which is exactly what an unplugged adapter looks
 * like to the other end; starting a new pair on the same paths plugs it back in.
 */
final class PtyPair implements AutoCloseable {
  static final String SOCAT = "/usr/bin/socat";

  final Path a;
  final Path b;
  private final Process socat;

  static boolean available() {
    return new File(SOCAT).canExecute();
  }

  PtyPair(Path a, Path b) throws IOException, InterruptedException {
    this.a = a;
    this.b = b;
    socat = new ProcessBuilder(SOCAT, "-d", "-d",
        "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long end = System.currentTimeMillis() + 10_000;
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!socat.isAlive() || System.currentTimeMillis() > end) {
        socat.destroyForcibly();
        throw new IOException("socat did not create " + a + " and " + b);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(5, TimeUnit.SECONDS)) {
      socat.destroyForcibly().waitFor();
    }
  }
}
