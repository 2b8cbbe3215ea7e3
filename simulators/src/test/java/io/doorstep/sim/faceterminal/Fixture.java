package io.doorstep.sim.faceterminal;

import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.testing.FakeGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A broker, a fake gateway listening to every terminal, and terminals with short intervals. */
final class Fixture implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(5);
  static final Duration VERIFY_TIMEOUT = Duration.ofMillis(300);
  static final Duration RECORD_RETRY = Duration.ofMillis(300);
  static final Duration HEARTBEAT = Duration.ofMillis(200);

  final MosquittoBroker broker = MosquittoBroker.start();
  final FakeGateway gateway;
  private final List<FaceTerminalSimulator> terminals = new ArrayList<>();

  Fixture() throws Exception {
    gateway = new FakeGateway(broker.url(), "fake-gateway", "ft/+/up/#");
  }

  FaceTerminalSimulator terminal(String sn) throws Exception {
    return terminal(sn, b -> b);
  }

  /** A started terminal, connected and subscribed. */
  FaceTerminalSimulator terminal(String sn, UnaryOperator<FaceTerminalOptions.Builder> tune)
      throws Exception {
    FaceTerminalSimulator terminal = tune.apply(FaceTerminalSimulator.builder(broker.url(), sn)
        .heartbeatInterval(HEARTBEAT)
        .verifyTimeout(VERIFY_TIMEOUT)
        .recordRetryInterval(RECORD_RETRY)
        .reconnectMin(Duration.ofMillis(50))
        .reconnectMax(Duration.ofMillis(500)))
        .create();
    terminals.add(terminal);
    terminal.start().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    return terminal;
  }

  @Override
  public void close() {
    terminals.forEach(FaceTerminalSimulator::close);
    gateway.close();
    broker.close();
  }
}
