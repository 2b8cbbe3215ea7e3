package io.doorstep.sim.charger;

import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.serial.RtuSlave;
import java.util.Random;

/**
 * One EBC-10 pile (ten ports, one slave address) as /shared/devices/charger-ebc10.md
 * describes it, with the handles a test needs to make it misbehave.
 *
 * <p>Thread-safe: the line's thread serves requests while a test plugs bikes in. The model is
 * advanced lazily to the {@link Ticker}'s time whenever it is read or changed; simulated time
 * runs {@code speed} times faster than the ticker for everything on the bike's side.
 */
public final class Ebc10Pile {

  public static final int PORTS = 10;

  /**
   * Told of every holding register a request wrote, as the pile applies it: a benchmark times a
   * stop's arrival from here. Called on the line's thread with the pile's lock held, so it
   * must be quick and must not call back into the pile.
   */
  public interface WriteListener {
    void written(int register, int value, long nanos);
  }

  public static final int FIRMWARE = 0x0102;
  static final int[] BAUD_RATES = {2400, 4800, 9600, 19200, 38400, 57600, 115200};

  private static final double MAX_STEP_SIM_S = 5;
  private static final long MAX_STEP_NANOS = 100_000_000;

  private final Ticker ticker;
  private final double speed;
  private final Random random;
  private final Port[] ports = new Port[PORTS];
  private final PileRequests requests;
  private volatile WriteListener writeListener;
  private long lastNanos;
  int address;
  int baudCode;
  boolean buzzer;
  boolean autoStart;
  private boolean smoke;
  private boolean doorOpen;
  private boolean internalFault;
  private double mainsBaseV = 220;
  private double mainsV = 220;
  private double cabinetBaseC = 25;
  private double cabinetC = 25;
  private double ambientC = 22;
  private double totalWh;

  /** Construction parameters; {@link Ebc10Pile#builder(int)}. */
  public static final class Builder {
    private final int address;
    private double speed = 1;
    private long seed = 1;
    private Ticker ticker = Ticker.system();
    private boolean autoStart = true;
    private int baud = 9600;
    private double totalWh = 1_234_567;

    private Builder(int address) {
      this.address = address;
    }

    /** Simulated seconds per real second for the bikes (60: an hour a minute). */
    public Builder speed(double speed) {
      if (!(speed > 0)) {
        throw new IllegalArgumentException("speed must be above 0: " + speed);
      }
      this.speed = speed;
      return this;
    }

    /** Seeds the noise on voltages and powers, for repeatable runs. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    /** Holding 0x0003 at power-on; factory 1 (true). */
    public Builder autoStart(boolean on) {
      this.autoStart = on;
      return this;
    }

    /** Holding 0x0001 at power-on, as a rate in bit/s. */
    public Builder baud(int bitsPerSecond) {
      this.baud = bitsPerSecond;
      return this;
    }

    /** Input 0x0005-0x0006 at power-on. */
    public Builder totalEnergyWh(long wh) {
      this.totalWh = wh;
      return this;
    }

    public Ebc10Pile build() {
      return new Ebc10Pile(this);
    }
  }

  private Ebc10Pile(Builder builder) {
    if (builder.address < 1 || builder.address > 247) {
      throw new IllegalArgumentException("slave address must be 1-247: " + builder.address);
    }
    address = builder.address;
    baudCode = baudCode(builder.baud);
    if (baudCode < 0) {
      throw new IllegalArgumentException("baud must be one of 2400..115200: " + builder.baud);
    }
    speed = builder.speed;
    random = new Random(builder.seed);
    ticker = builder.ticker;
    autoStart = builder.autoStart;
    totalWh = builder.totalWh;
    lastNanos = ticker.nanos();
    for (int i = 0; i < PORTS; i++) {
      ports[i] = new Port(ambientC);
    }
    requests = new PileRequests(this);
  }

  public static Builder builder(int address) {
    return new Builder(address);
  }

  /** A pile with factory settings, real time, at {@code address}. */
  public static Ebc10Pile atAddress(int address) {
    return builder(address).build();
  }

  // --- the line side ---

  /**
   * Answers one request if it is for this pile (its address now, or broadcast). Null when
   * there is nothing to send; a baud change travels in the reply, to apply after sending.
   */
  public synchronized RtuSlave.Reply serve(RtuRequest request) {
    advance();
    return requests.serve(request);
  }

  // --- state a test checks ---

  public synchronized int address() {
    return address;
  }

  /** The line speed holding 0x0001 asks for, in bit/s. */
  public synchronized int baud() {
    return BAUD_RATES[baudCode];
  }

  public synchronized boolean autoStart() {
    return autoStart;
  }

  public synchronized boolean buzzer() {
    return buzzer;
  }

  public synchronized boolean relayClosed(int port) {
    advance();
    return port(port).relayClosed;
  }

  public synchronized PortState state(int port) {
    advance();
    return port(port).state();
  }

  public synchronized int faultCode(int port) {
    advance();
    return port(port).faultCode();
  }

  /** Active power now, watts, unrounded. */
  public synchronized double power(int port) {
    advance();
    return port(port).watts;
  }

  public synchronized double sessionEnergyWh(int port) {
    advance();
    return port(port).sessionWh;
  }

  public synchronized double plugTemperature(int port) {
    advance();
    return port(port).plugC;
  }

  public synchronized int tripWatts(int port) {
    return port(port).tripWatts;
  }

  /** Input registers as a read would return them; throws for undefined addresses. */
  public synchronized int[] inputRegisters(int start, int count) {
    advance();
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      if (!inputDefined(start + i)) {
        throw new IllegalArgumentException("input register " + (start + i) + " undefined");
      }
      values[i] = inputRegister(start + i);
    }
    return values;
  }

  // --- what a test does to the pile ---

  /** A bike's charger plugged into {@code port} (1-10); with auto-start on, it charges. */
  public synchronized void plugIn(int port, ChargerProfile bike) {
    advance();
    port(port).plugIn(bike, autoStart);
  }

  /** Unplugs; a latched fault and a welded relay go with the plug. */
  public synchronized void unplug(int port) {
    advance();
    port(port).unplug();
  }

  public synchronized boolean plugged(int port) {
    return port(port).bike != null;
  }

  /** Holds the plug at {@code celsius}. */
  public synchronized void setPlugTemperature(int port, double celsius) {
    advance();
    Port p = port(port);
    p.plugOverride = celsius;
    p.plugC = celsius;
    p.plugRisePerS = 0;
  }

  /** Makes the plug heat up from where it is by this much per simulated minute. */
  public synchronized void risePlugTemperature(int port, double celsiusPerMinute) {
    advance();
    Port p = port(port);
    p.plugOverride = p.plugC;
    p.plugRisePerS = celsiusPerMinute / 60;
  }

  /** Back to heating that follows power. */
  public synchronized void releasePlugTemperature(int port) {
    advance();
    port(port).plugOverride = null;
  }

  /** Broken sensor: plug temperature reads 0x7FFF, fault 4; the relay is left as it is. */
  public synchronized void breakPlugSensor(int port, boolean broken) {
    advance();
    port(port).sensorBroken = broken;
  }

  public synchronized void setSmoke(boolean detected) {
    advance();
    smoke = detected;
  }

  public synchronized void setCabinetTemperature(double celsius) {
    advance();
    cabinetBaseC = celsius;
    cabinetC = celsius;
  }

  public synchronized void setMainsVoltage(double volts) {
    advance();
    mainsBaseV = volts;
    mainsV = volts;
  }

  public synchronized void setDoorOpen(boolean open) {
    advance();
    doorOpen = open;
  }

  public synchronized void setInternalFault(boolean fault) {
    advance();
    internalFault = fault;
  }

  /** From now on a stop is acknowledged but the relay stays closed; fault 3 after the stop. */
  public synchronized void weldRelay(int port) {
    advance();
    port(port).welded = true;
  }

  /** A short circuit: the relay opens at once, fault 2, state 4 until unplugged. */
  public synchronized void shortCircuit(int port) {
    advance();
    Port p = port(port);
    if (p.bike == null) {
      throw new IllegalStateException("port " + port + " has nothing plugged in");
    }
    p.trip(Port.FAULT_SHORT_CIRCUIT);
  }

  /** The bike draws exactly this power whenever the relay is closed (0 W: a dead charger). */
  public synchronized void drawPower(int port, double watts) {
    advance();
    port(port).forcedWatts = watts;
  }

  /** Back to the bike's charging curve. */
  public synchronized void releasePower(int port) {
    advance();
    port(port).forcedWatts = null;
  }

  /** Replaces the listener told of register writes; null for none. */
  public void onWrite(WriteListener listener) {
    this.writeListener = listener;
  }

  /** A silent pile hears nothing and answers nothing, as if unpowered on the bus. */
  public synchronized void silence(boolean silent) {
    requests.silent = silent;
  }

  /** The next {@code answers} replies go out with a broken CRC (their effects still apply). */
  public synchronized void corruptCrc(int answers) {
    requests.corruptNext = answers;
  }

  /** Requests of {@code function} that touch {@code register} get exception {@code code}. */
  public synchronized void exceptionFor(int function, int register, int code) {
    requests.injected.add(new PileRequests.Injected(function, register, code));
  }

  public synchronized void clearExceptions() {
    requests.injected.clear();
  }

  // --- registers, for PileRequests (called with the lock held) ---

  void written(int register, int value) {
    WriteListener listener = writeListener;
    if (listener != null) {
      listener.written(register, value, System.nanoTime());
    }
  }

  Port port(int n) {
    if (n < 1 || n > PORTS) {
      throw new IllegalArgumentException("port must be 1-" + PORTS + ": " + n);
    }
    return ports[n - 1];
  }

  static boolean inputDefined(int register) {
    return (register >= 0 && register <= 6) || (register >= 0x100 && register < 0x100 + 16 * PORTS);
  }

  int inputRegister(int register) {
    if (register >= 0x100) {
      return port(1 + (register - 0x100) / 16).inputRegister((register - 0x100) % 16);
    }
    long wh = (long) totalWh;
    switch (register) {
      case 0: return statusFlags();
      case 1: return (int) Math.round(mainsV * 10);
      case 2: return (int) Math.round(cabinetC * 10) & 0xFFFF;
      case 3: return FIRMWARE;
      case 4: return PORTS;
      case 5: return (int) (wh >>> 16) & 0xFFFF;
      case 6: return (int) wh & 0xFFFF;
      default: throw new IllegalArgumentException("input register " + register);
    }
  }

  private int statusFlags() {
    return (smoke ? 1 : 0)
        | (cabinetC > 70 ? 2 : 0)
        | (mainsV < 187 || mainsV > 253 ? 4 : 0)
        | (doorOpen ? 8 : 0)
        | (internalFault ? 16 : 0);
  }

  static int baudCode(int bitsPerSecond) {
    for (int i = 0; i < BAUD_RATES.length; i++) {
      if (BAUD_RATES[i] == bitsPerSecond) {
        return i;
      }
    }
    return -1;
  }

  private void advance() {
    long now = ticker.nanos();
    long dtNanos = now - lastNanos;
    if (dtNanos <= 0) {
      return;
    }
    lastNanos = now;
    double simS = dtNanos * speed / 1e9;
    long steps = Math.max(1, (long) Math.ceil(Math.max(simS / MAX_STEP_SIM_S,
        (double) dtNanos / MAX_STEP_NANOS)));
    double stepS = simS / steps;
    long stepNanos = dtNanos / steps;
    for (long i = 0; i < steps; i++) {
      mainsV = mainsBaseV + 0.3 * random.nextGaussian();
      double load = 0;
      for (Port port : ports) {
        port.step(stepS, stepNanos, mainsV, ambientC, random);
        load += port.watts;
      }
      totalWh += load * stepS / 3600;
      cabinetC = cabinetBaseC + load / 1000 + 0.05 * random.nextGaussian();
    }
  }
}
