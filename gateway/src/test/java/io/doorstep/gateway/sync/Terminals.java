package io.doorstep.gateway.sync;

import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Simulated terminals of the test estate, with a count of the person commands each received. */
final class Terminals implements AutoCloseable {
  private final String brokerUrl;
  private final Map<String, FaceTerminalSimulator> bySn = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();

  Terminals(String brokerUrl) {
    this.brokerUrl = brokerUrl;
  }

  /** Starts (or, for a serial number already running, replaces with a factory-new one) a terminal. */
  FaceTerminalSimulator start(String sn, int capacity) throws Exception {
    FaceTerminalSimulator old = bySn.remove(sn);
    if (old != null) {
      old.close();
    }
    FaceTerminalSimulator t = FaceTerminalSimulator.builder(brokerUrl, sn)
        .heartbeatInterval(Duration.ofSeconds(SyncRig.HEARTBEAT_S))
        .personCapacity(capacity)
        .create();
    t.addDownListener((topic, payload) -> {
      if (topic.endsWith("/person-upsert") || topic.endsWith("/person-delete")) {
        commands.computeIfAbsent(sn, k -> new AtomicInteger()).incrementAndGet();
      }
    });
    bySn.put(sn, t);
    t.start().get(30, TimeUnit.SECONDS);
    return t;
  }

  FaceTerminalSimulator get(String sn) {
    return bySn.get(sn);
  }

  /** person-upsert and person-delete messages received, replaced terminals included. */
  int personCommands(String sn) {
    AtomicInteger n = commands.get(sn);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    bySn.values().forEach(FaceTerminalSimulator::close);
  }
}
