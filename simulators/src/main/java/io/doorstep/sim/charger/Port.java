package io.doorstep.sim.charger;

import java.util.Random;

/**
 * One port's physics and firmware, guarded by its pile's lock. Bike-side quantities (charging
 * progress, energy, plug heating, seconds since the relay closed) run on simulated time; the
 * pile's own reaction times (the 2 s power trip) on real time.
 */
final class Port {

  static final int FAULT_OVER_CURRENT = 1;
  static final int FAULT_SHORT_CIRCUIT = 2;
  static final int FAULT_RELAY_WELDED = 3;
  static final int FAULT_SENSOR_BROKEN = 4;

  private static final double NO_CURRENT_AMPS = 0.010;
  private static final double IDLE_AFTER_S = 60;
  private static final long TRIP_AFTER_NANOS = 2_000_000_000L;
  private static final double HARDWARE_TRIP_AMPS = 10.0;
  /** Plug heating: degrees above ambient per watt, and how fast it gets there. */
  private static final double KELVIN_PER_WATT = 0.015;
  private static final double PLUG_TAU_S = 600;

  ChargerProfile bike;
  boolean relayClosed;
  boolean welded;
  boolean weldReported;
  int latchedFault;
  boolean sensorBroken;
  Double forcedWatts;
  Double plugOverride;
  double plugRisePerS;
  double plugC;
  double sessionWh;
  double chargingS;
  double closedS;
  double quietS;
  long overTripNanos;
  int tripWatts = 1000;
  double watts;
  double volts;

  Port(double ambientC) {
    plugC = ambientC;
  }

  PortState state() {
    if (bike == null) {
      return PortState.EMPTY;
    }
    if (latchedFault != 0 || weldReported) {
      return PortState.FAULT;
    }
    if (!relayClosed) {
      return PortState.PLUGGED;
    }
    return quietS >= IDLE_AFTER_S ? PortState.IDLE : PortState.CHARGING;
  }

  int faultCode() {
    if (latchedFault != 0) {
      return latchedFault;
    }
    if (weldReported) {
      return FAULT_RELAY_WELDED;
    }
    return sensorBroken ? FAULT_SENSOR_BROKEN : 0;
  }

  double amps() {
    return volts > 0 ? watts / volts : 0;
  }

  void plugIn(ChargerProfile profile, boolean autoStart) {
    if (bike != null) {
      throw new IllegalStateException("a bike is plugged in already");
    }
    bike = profile;
    sessionWh = 0;
    chargingS = 0;
    latchedFault = 0;
    weldReported = false;
    if (autoStart) {
      close();
    }
  }

  /** Clears the session and any latched fault; a welded relay is replaced with the plug. */
  void unplug() {
    bike = null;
    relayClosed = false;
    welded = false;
    weldReported = false;
    latchedFault = 0;
    forcedWatts = null;
    sessionWh = 0;
    chargingS = 0;
    closedS = 0;
    quietS = 0;
    overTripNanos = 0;
    watts = 0;
    volts = 0;
  }

  /** Whether a start command can be obeyed (else exception 0x04). */
  boolean canStart() {
    return bike != null && state() != PortState.FAULT;
  }

  void close() {
    if (!relayClosed) {
      relayClosed = true;
      closedS = 0;
      quietS = 0;
      overTripNanos = 0;
    }
  }

  void open() {
    if (welded && relayClosed) {
      weldReported = true;
      return;
    }
    relayClosed = false;
    closedS = 0;
    quietS = 0;
    watts = 0;
    volts = 0;
  }

  void trip(int fault) {
    latchedFault = fault;
    open();
  }

  void step(double dtS, long dtNanos, double mainsV, double ambientC, Random random) {
    double power = 0;
    if (relayClosed && bike != null) {
      power = forcedWatts != null ? forcedWatts
          : bike.powerAt(chargingS) * (1 + 0.01 * random.nextGaussian());
      power = Math.max(0, power);
      chargingS += dtS;
      closedS += dtS;
      sessionWh += power * dtS / 3600;
    }
    watts = power;
    volts = relayClosed ? mainsV - 0.4 - power * 0.002 + 0.1 * random.nextGaussian() : 0;
    if (relayClosed) {
      quietS = amps() < NO_CURRENT_AMPS ? quietS + dtS : 0;
      if (amps() > HARDWARE_TRIP_AMPS) {
        trip(FAULT_OVER_CURRENT);
      } else if (power > tripWatts) {
        overTripNanos += dtNanos;
        if (overTripNanos >= TRIP_AFTER_NANOS) {
          trip(FAULT_OVER_CURRENT);
        }
      } else {
        overTripNanos = 0;
      }
    }
    if (plugOverride != null) {
      plugOverride += plugRisePerS * dtS;
      plugC = plugOverride;
    } else {
      double target = ambientC + KELVIN_PER_WATT * watts;
      plugC += (target - plugC) * (1 - Math.exp(-dtS / PLUG_TAU_S));
    }
  }

  /** Register {@code offset} (0-15) of this port's input block. */
  int inputRegister(int offset) {
    long wh = (long) sessionWh;
    long seconds = relayClosed ? (long) (closedS + 1e-6) : 0;
    switch (offset) {
      case 0: return state().code();
      case 1: return faultCode();
      case 2: return (int) Math.round(volts * 10);
      case 3: return (int) Math.min(0xFFFF, Math.round(amps() * 1000));
      case 4: return (int) Math.min(0xFFFF, Math.round(watts));
      case 5: return (int) (wh >>> 16) & 0xFFFF;
      case 6: return (int) wh & 0xFFFF;
      case 7: return sensorBroken ? 0x7FFF : (int) Math.round(plugC * 10) & 0xFFFF;
      case 8: return (int) (seconds >>> 16) & 0xFFFF;
      case 9: return (int) seconds & 0xFFFF;
      default: return 0;
    }
  }
}
