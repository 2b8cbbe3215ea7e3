package io.doorstep.gateway.charging;

/** A port as a test wants the pile to report it. */
final class Port {
  private final int port;
  private int state;
  private int fault;
  private double watts;
  private Double currentMa;
  private double energyWh;
  private Double plug = 30.0;
  private boolean broken;
  private long relaySeconds;
  private boolean valid = true;

  private Port(int port, int state, double watts) {
    this.port = port;
    this.state = state;
    this.watts = watts;
  }

  static Port charging(int port, double watts) {
    return new Port(port, PortReading.CHARGING, watts);
  }

  /** Relay closed, the bike draws nothing (state 3). */
  static Port idleClosed(int port) {
    return new Port(port, PortReading.IDLE_CLOSED, 0);
  }

  static Port plugged(int port) {
    return new Port(port, PortReading.PLUGGED, 0);
  }

  static Port empty(int port) {
    return new Port(port, PortReading.EMPTY, 0);
  }

  static Port faulted(int port, int fault) {
    return new Port(port, PortReading.FAULTED, 0).fault(fault);
  }

  /** The read of the port's block failed. */
  static Port failed(int port) {
    Port p = new Port(port, 0, 0);
    p.valid = false;
    return p;
  }

  Port plug(Double celsius) {
    this.plug = celsius;
    return this;
  }

  /** The pile reports 0x7FFF. */
  Port sensorBroken() {
    this.plug = null;
    this.broken = true;
    return this;
  }

  Port fault(int code) {
    this.fault = code;
    if (code == PortReading.FAULT_SENSOR_BROKEN) {
      broken = true;
    }
    return this;
  }

  Port energy(double wh) {
    this.energyWh = wh;
    return this;
  }

  Port current(double ma) {
    this.currentMa = ma;
    return this;
  }

  Port relaySeconds(long s) {
    this.relaySeconds = s;
    return this;
  }

  int number() {
    return port;
  }

  PortReading reading() {
    if (!valid) {
      return PortReading.failed(port);
    }
    double ma = currentMa != null ? currentMa : watts / 0.23;
    return new PortReading(port, state, fault, watts, ma, energyWh, plug, broken, relaySeconds, true);
  }
}
