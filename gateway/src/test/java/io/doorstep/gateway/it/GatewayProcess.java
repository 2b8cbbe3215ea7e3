package io.doorstep.gateway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The gateway as a child process, started as production starts it, so it can be killed for real. */
final class GatewayProcess implements AutoCloseable {
  private final Process process;
  private final int webPort;

  private GatewayProcess(Process process, int webPort) {
    this.process = process;
    this.webPort = webPort;
  }

  static GatewayProcess start(Path configFile, int webPort, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xmx160m",
        "-cp", System.getProperty("java.class.path"),
        "io.doorstep.gateway.Main", "run", "--config", configFile.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new GatewayProcess(builder.start(), webPort);
  }

  /** Waits until /health says the broker link is up. */
  void awaitReady(Duration limit) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Waits.until("the gateway answers /health with its broker connected", limit, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the gateway exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + webPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("\"connected\":true");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }

  /** The process's exit status, once it has left by itself; fails the test when it has not by then. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the gateway did not leave within " + limit);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or {@code kill -9}. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
