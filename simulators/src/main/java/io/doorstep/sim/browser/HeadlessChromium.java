package io.doorstep.sim.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, with its DevTools port open: the browser the page's tests and the
 * board's benchmark drive through {@link DevToolsSession}.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Process process;
  private final Path profile;
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final CompletableFuture<String> devToolsUrl = new CompletableFuture<>();

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
    drain(process.getInputStream(), stdout, false);
    drain(process.getErrorStream(), stderr, true);
  }

  /** A browser test must not pass quietly on a machine without a browser. */
  public static void requireInstalled() {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: the live board's browser test needs it. Install it with "
          + "'apt-get install -y chromium' and run the tests again.");
    }
  }

  public static HeadlessChromium start(List<String> arguments) throws IOException {
    requireInstalled();
    Path profile = Files.createTempDirectory("doorstep-chromium");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    command.addAll(arguments);
    return new HeadlessChromium(new ProcessBuilder(command).start(), profile);
  }

  /** Waits for the browser to exit by itself; fails with its error output if it does not. */
  public String awaitStdout(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("chromium did not finish in " + seconds + " s; its error output:\n" + errors());
    }
    // the readers may still hold the last bytes
    Thread.sleep(200);
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  /** The "ws://…/devtools/browser/…" address printed when started with --remote-debugging-port. */
  public String devToolsUrl(long seconds) throws Exception {
    return devToolsUrl.get(seconds, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String errors() {
    synchronized (stderr) {
      String all = stderr.toString();
      return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
    }
  }

  /** The browser's process and all its helpers now, for whoever measures what they use. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  @Override
  public void close() throws IOException {
    // Chromium's helpers (network service, renderers) may outlive the main process and keep
    // writing into the profile: stop them all and wait before the profile goes.
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      }
    }
    deleteProfile();
  }

  /** A file vanishing under the walk is what we want anyway; anything left is the OS's temp. */
  private void deleteProfile() {
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      profile.toFile().deleteOnExit();
    }
  }

  private void drain(java.io.InputStream in, StringBuilder into, boolean watchForDevTools) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          synchronized (into) {
            into.append(line).append('\n');
          }
          if (watchForDevTools && line.startsWith("DevTools listening on ")) {
            devToolsUrl.complete(line.substring("DevTools listening on ".length()).trim());
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "chromium-output");
    reader.setDaemon(true);
    reader.start();
  }
}
