package io.doorstep.bench.verify;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a reader needs to compare figures between machines: cores, CPU, memory, OS, Java, the
 * broker's version, and the load generator's own JVM options.
 */
public record MachineFacts(int cores, String cpu, long memoryBytes, String os, String java, String mosquitto,
    String benchJvmOptions) {

  public static MachineFacts collect() {
    return new MachineFacts(
        Runtime.getRuntime().availableProcessors(),
        firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch")),
        kbValue(Path.of("/proc/meminfo"), "MemTotal:"),
        osName(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        mosquittoVersion(),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  public String describe() {
    return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s; %s; %s", cores, cpu,
        memoryBytes / (1024.0 * 1024 * 1024), os, java, mosquitto);
  }

  private static String osName() {
    String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", null);
    String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
    return pretty == null ? kernel : pretty.replace("\"", "") + ", " + kernel;
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(key)) {
          int sep = line.indexOf(line.contains(":") ? ':' : '=');
          return line.substring(sep + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux, or not readable: the fallback says so
    }
    return fallback;
  }

  private static long kbValue(Path file, String key) {
    String value = firstValue(file, key, null);
    return value == null ? -1 : ProcStatus.parseKb(key + " " + value, key);
  }

  /** The first line of {@code mosquitto -h}, e.g. "mosquitto version 2.0.11". */
  private static String mosquittoVersion() {
    for (String binary : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "mosquitto")) {
      try {
        Process p = new ProcessBuilder(binary, "-h").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return text.lines().filter(l -> l.startsWith("mosquitto version")).findFirst().orElse("mosquitto (version unknown)");
      } catch (IOException e) {
        // try the next place
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return "mosquitto (not found)";
  }
}
