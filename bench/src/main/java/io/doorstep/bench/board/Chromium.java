package io.doorstep.bench.board;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, with its DevTools port open: the guard's browser. Its CPU is the
 * main process and every helper (renderer, GPU, network service) together.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Process process;
  private final Path profile;
  private final CompletableFuture<String> devTools = new CompletableFuture<>();

  private Chromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
    Thread reader = new Thread(this::readErrors, "chromium-output");
    reader.setDaemon(true);
    reader.start();
  }

  static Chromium start() throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: install it with 'apt-get install -y chromium'");
    }
    Path profile = Files.createTempDirectory("doorstep-board-chromium");
    List<String> command = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--autoplay-policy=user-gesture-required", "--window-size=1366,768",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank");
    return new Chromium(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), profile);
  }

  /** The browser's "ws://…/devtools/browser/…" address. */
  String devToolsUrl() throws Exception {
    return devTools.get(30, TimeUnit.SECONDS);
  }

  /** CPU time of the browser and all its helpers so far, in nanoseconds. */
  long cpuNanos() {
    long total = Math.max(0, io.doorstep.bench.verify.ProcStatus.cpuNanos(process.pid()));
    for (ProcessHandle p : process.descendants().toList()) {
      total += Math.max(0, io.doorstep.bench.verify.ProcStatus.cpuNanos(p.pid()));
    }
    return total;
  }

  /** Resident memory of the browser and its helpers together (shared pages counted in each). */
  long rssBytes() {
    long total = Math.max(0, io.doorstep.bench.verify.ProcStatus.rssBytes(process.pid()));
    for (ProcessHandle p : process.descendants().toList()) {
      total += Math.max(0, io.doorstep.bench.verify.ProcStatus.rssBytes(p.pid()));
    }
    return total;
  }

  private void readErrors() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("DevTools listening on ")) {
          devTools.complete(line.substring("DevTools listening on ".length()).trim());
        }
      }
    } catch (IOException e) {
      // the browser ended
    }
    devTools.completeExceptionally(new IllegalStateException("chromium ended before it opened its DevTools port"));
  }

  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // a profile left in the temp directory is harmless
    }
  }
}
