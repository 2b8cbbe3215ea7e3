package io.doorstep.sim.faceterminal;

/**
 * Sees every message the terminal received on {@code ft/{SN}/down/#}, after the terminal
 * handled it. Runs on the terminal's thread: return quickly and do not call back into the
 * terminal and wait.
 */
@FunctionalInterface
public interface DownListener {

  void received(String topic, byte[] payload);
}
