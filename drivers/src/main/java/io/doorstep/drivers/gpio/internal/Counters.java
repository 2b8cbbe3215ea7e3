package io.doorstep.drivers.gpio.internal;

import io.doorstep.drivers.gpio.GpioStats;
import io.doorstep.drivers.gpio.codec.WiegandException;

/** The driver's counters: written on its context only, read from anywhere (metrics). */
public final class Counters {
  private volatile long cards;
  private volatile long droppedBitCount;
  private volatile long droppedParity;
  private volatile long droppedNoise;
  private volatile long decideFailures;
  private volatile long exitRequests;
  private volatile long forcedAlarms;
  private volatile long heldOpenAlarms;

  void card() {
    cards++;
  }

  void dropped(WiegandException.Reason reason) {
    switch (reason) {
      case BIT_COUNT -> droppedBitCount++;
      case PARITY -> droppedParity++;
      case NOISE -> droppedNoise++;
    }
  }

  void decideFailure() {
    decideFailures++;
  }

  void exitRequest() {
    exitRequests++;
  }

  void forced() {
    forcedAlarms++;
  }

  void heldOpen() {
    heldOpenAlarms++;
  }

  public GpioStats snapshot() {
    return new GpioStats(cards, droppedBitCount, droppedParity, droppedNoise, decideFailures, exitRequests,
        forcedAlarms, heldOpenAlarms);
  }
}
