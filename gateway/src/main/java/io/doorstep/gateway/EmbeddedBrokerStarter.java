package io.doorstep.gateway;

import io.doorstep.gateway.config.GatewayConfig;

/**
 * Starts the demo's embedded broker when it is on the class path. Production distributions
 * leave Moquette out, and then "embedded" is a clear start-up error instead of a crash.
 */
final class EmbeddedBrokerStarter {
  private EmbeddedBrokerStarter() {}

  static AutoCloseable start(GatewayConfig.BrokerConfig broker) throws StartupException {
    try {
      Class.forName("io.moquette.broker.Server");
    } catch (ClassNotFoundException e) {
      throw new StartupException("broker.url is 'embedded' but the embedded broker is only in the demo "
          + "distribution; set broker.url to the estate's broker, e.g. tcp://127.0.0.1:1883", e);
    }
    try {
      return io.doorstep.gateway.demo.EmbeddedBroker.start(broker.embeddedBind(), broker.embeddedPort());
    } catch (Exception e) {
      throw new StartupException("the embedded broker cannot listen on " + broker.embeddedBind() + ":"
          + broker.embeddedPort() + ": " + e.getMessage(), e);
    }
  }
}
