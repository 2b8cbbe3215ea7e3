package io.doorstep.drivers.mqtt;

/** Receives a message on the Vert.x context that subscribed. */
@FunctionalInterface
public interface MqttMessageHandler {
  void handle(String topic, byte[] payload);
}
