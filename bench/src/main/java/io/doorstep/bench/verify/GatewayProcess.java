package io.doorstep.bench.verify;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as an estate runs it: {@code Main run --config FILE} in its own JVM. Start-up is
 * measured from the fork to the first 200 from {@code /health}, and on to the moment
 * {@code /health} reports the broker connected, polling every 10 ms.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MS = 10;

  /**
   * Milliseconds from the fork: until the web port accepts connections, until {@code /health}
   * answers 200 (the first request meets a cold web stack), and until it reports the broker.
   */
  public record Startup(double listeningMs, double healthMs, double brokerConnectedMs) {}

  private final ChildJvm child;
  private final GatewayProbe probe;
  private final Startup startup;

  private GatewayProcess(ChildJvm child, GatewayProbe probe, Startup startup) {
    this.child = child;
    this.probe = probe;
    this.startup = startup;
  }

  public static GatewayProcess start(Path gatewayFile, int webPort, String javaOpts, Path log)
      throws IOException, InterruptedException {
    GatewayProbe probe = new GatewayProbe(webPort);
    ChildJvm child = ChildJvm.start("the gateway", javaOpts, "io.doorstep.gateway.Main",
        List.of("run", "--config", gatewayFile.toString()), log);
    try {
      long deadline = child.startNanos() + START_TIMEOUT.toNanos();
      double listeningMs = -1;
      double healthMs = -1;
      while (System.nanoTime() < deadline) {
        child.requireAlive();
        // A refused TCP connect costs next to nothing; a failing HTTP request costs the load
        // generator's JVM enough CPU to slow the start it is timing on a small machine.
        boolean accepting = probe.accepting();
        if (accepting && listeningMs < 0) {
          listeningMs = millisSince(child.startNanos(), System.nanoTime());
        }
        JsonObject health = accepting ? probe.health() : null;
        long now = System.nanoTime();
        if (health != null && healthMs < 0) {
          healthMs = millisSince(child.startNanos(), now);
        }
        if (GatewayProbe.brokerConnected(health)) {
          return new GatewayProcess(child, probe,
              new Startup(listeningMs, healthMs, millisSince(child.startNanos(), now)));
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MS);
      }
      throw new IllegalStateException("the gateway was not up with its broker within " + START_TIMEOUT
          + "; its log ends:\n" + child.logTail());
    } catch (InterruptedException | RuntimeException e) {
      child.close();
      throw e;
    }
  }

  private static double millisSince(long startNanos, long nowNanos) {
    return (nowNanos - startNanos) / 1e6;
  }

  public Startup startup() {
    return startup;
  }

  public GatewayProbe probe() {
    return probe;
  }

  public long pid() {
    return child.pid();
  }

  public ChildJvm child() {
    return child;
  }

  /** Waits until the gateway counts this many terminals online, so no run starts half-connected. */
  public void awaitDevicesOnline(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      child.requireAlive();
      if (GatewayProbe.devicesOnline(probe.health()) >= count) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("the gateway did not see " + count + " terminals online within " + timeout);
  }

  @Override
  public void close() {
    child.close();
  }
}
