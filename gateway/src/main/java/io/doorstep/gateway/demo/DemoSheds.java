package io.doorstep.gateway.demo;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.EstateConfig.SerialLine;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.sim.charger.ShedSimulation;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's charging sheds: each configured RS-485 line becomes a socat pseudo-terminal pair,
 * the gateway's line on one end and the line's EBC-10 piles simulated on the other, bikes
 * charging {@value #SPEED} times faster than real time. Without socat the demo runs without
 * its sheds and says so, rather than showing alarms for lines nobody plugged in.
 */
public final class DemoSheds implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoSheds.class);
  private static final double SPEED = 60;
  private static final double PLUGGED = 0.4;
  private static final long SEED = 20241219L;

  private final List<PtyPair> ptys = new ArrayList<>();
  private final List<ShedSimulation> sheds = new ArrayList<>();
  /** Each line's port in the estate file, and the pseudo-terminal the demo opens instead. */
  private final Map<String, String> standIns = new LinkedHashMap<>();
  private ScheduledExecutorService clock;

  private DemoSheds() {}

  /** The sheds running, and the configuration that points the gateway's lines at them. */
  public static DemoSheds start(EstateConfig estate) {
    DemoSheds demo = new DemoSheds();
    try {
      for (SerialLine line : estate.lines()) {
        PtyPair pty = PtyPair.start();
        demo.ptys.add(pty);
        List<Integer> addresses = estate.devicesOn(line.id()).stream().map(d -> d.modbus().address()).toList();
        demo.sheds.add(ShedSimulation.start(pty.a(), addresses, RtuSlaveLine.Options.defaults().baud(line.baud()),
            SPEED, PLUGGED, SEED + demo.sheds.size()));
        demo.standIns.put(line.port(), pty.b());
      }
    } catch (RuntimeException e) {
      log.warn("demo: the charging sheds are left out: {}", e.getMessage());
      demo.close();
      demo.standIns.clear();
      return demo;
    }
    if (!demo.sheds.isEmpty()) {
      demo.clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-sheds");
        t.setDaemon(true);
        return t;
      });
      demo.clock.scheduleAtFixedRate(() -> demo.sheds.forEach(ShedSimulation::step), 1, 1, TimeUnit.SECONDS);
      log.info("demo: {} charging sheds simulated on serial lines, bikes charging {}x faster than real time",
          demo.sheds.size(), (int) SPEED);
    }
    return demo;
  }

  /** The configuration as it is, or without lines and piles when no shed runs. */
  public GatewayConfig apply(GatewayConfig config) {
    EstateConfig estate = config.estate();
    return sheds.isEmpty() ? config.withEstate(estate.withoutLines()) : config;
  }

  /**
   * The pseudo-terminal that stands in for each port the estate file names. The gateway's lines
   * keep the file's ports, so that the console shows them and a line changed there keeps a port
   * that means something at the next start, when the pseudo-terminals are new ones.
   */
  public Map<String, String> portStandIns() {
    return Map.copyOf(standIns);
  }

  @Override
  public void close() {
    if (clock != null) {
      clock.shutdownNow();
    }
    sheds.forEach(ShedSimulation::close);
    ptys.forEach(PtyPair::close);
  }
}
