package io.doorstep.gateway.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/**
 * The demo's MQTT broker, inside the gateway's process, so that the demo needs nothing
 * installed. Production uses the estate's Mosquitto; this class and Moquette are not in the
 * production distribution (see the build's dist/lib-demo).
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();

  private EmbeddedBroker() {}

  public static EmbeddedBroker start(String bind, int port) throws IOException {
    Properties p = new Properties();
    p.setProperty("host", bind);
    p.setProperty("port", Integer.toString(port));
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    // Nagle would add 14–23 ms to every verify round trip; see docs/benchmarks.md.
    p.setProperty("netty.tcp_nodelay", "true");
    p.setProperty("netty.mqtt.message_size", Integer.toString(5 * 1024 * 1024));
    EmbeddedBroker broker = new EmbeddedBroker();
    broker.server.startServer(new MemoryConfig(p));
    return broker;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
