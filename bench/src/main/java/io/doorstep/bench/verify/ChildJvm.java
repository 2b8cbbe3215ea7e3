package io.doorstep.bench.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started by the run, on the run's own class path, with its output in a log
 * file. A separate process, so that its heap, RSS and start-up are its own and its pauses do
 * not stop the load generator.
 */
public final class ChildJvm implements AutoCloseable {
  /** Children still running, ended when the run's JVM exits, so that an aborted run leaves none. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-child-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final long startNanos;

  private ChildJvm(String name, Process process, Path log, long startNanos) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.startNanos = startNanos;
  }

  /** Starts {@code mainClass}; {@code startNanos()} is taken just before the fork. */
  static ChildJvm start(String name, String javaOpts, String mainClass, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Arrays.stream(javaOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    RUNNING.add(process);
    return new ChildJvm(name, process, log, start);
  }

  long pid() {
    return process.pid();
  }

  long startNanos() {
    return startNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Fails with the end of the child's log when it has died, so the reason is on screen. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log ends:\n"
          + logTail());
    }
  }

  public String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, so the child closes in order (the gateway flushes its store); kill after 15 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(process);
    }
  }
}
