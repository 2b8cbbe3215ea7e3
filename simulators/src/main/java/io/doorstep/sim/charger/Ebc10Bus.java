package io.doorstep.sim.charger;

import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.serial.LineCounts;
import io.doorstep.sim.serial.RtuSlave;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.util.List;

/**
 * The piles of one charging shed on their shared RS-485 line. A broadcast reaches every pile
 * and is answered by none; any other request is for the pile that has its address now.
 */
public final class Ebc10Bus implements RtuSlave, AutoCloseable {

  private final List<Ebc10Pile> piles;
  /** Requests per unit address, answered or not: what a master asked of each address. */
  private final java.util.Map<Integer, java.util.concurrent.atomic.AtomicLong> requests =
      new java.util.concurrent.ConcurrentHashMap<>();
  private RtuSlaveLine line;

  private Ebc10Bus(List<Ebc10Pile> piles) {
    this.piles = List.copyOf(piles);
  }

  /**
   * Opens the serial line at {@code path} ({@code /dev/ttyUSB0}, a pty, a socat link) and
   * starts answering for {@code piles}.
   */
  public static Ebc10Bus open(String path, List<Ebc10Pile> piles, RtuSlaveLine.Options options) {
    if (piles.isEmpty()) {
      throw new IllegalArgumentException("a bus needs at least one pile");
    }
    Ebc10Bus bus = new Ebc10Bus(piles);
    bus.line = RtuSlaveLine.open(path, bus, options);
    return bus;
  }

  /** Opens with {@link RtuSlaveLine.Options#defaults()}: 9600 baud, paced, 5 ms to answer. */
  public static Ebc10Bus open(String path, List<Ebc10Pile> piles) {
    return open(path, piles, RtuSlaveLine.Options.defaults());
  }

  public List<Ebc10Pile> piles() {
    return piles;
  }

  /** The pile that answers to {@code address} now. */
  public Ebc10Pile pile(int address) {
    return piles.stream().filter(p -> p.address() == address).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pile at address " + address));
  }

  /** How many requests came for {@code address} since the bus opened, whether a pile has it or not. */
  public long requestsFor(int address) {
    java.util.concurrent.atomic.AtomicLong n = requests.get(address);
    return n == null ? 0 : n.get();
  }

  public LineCounts counts() {
    return line.counts();
  }

  /** The line's baud rate now (a write to holding 0x0001 changes it). */
  public int baud() {
    return line.baud();
  }

  @Override
  public Reply handle(RtuRequest request) {
    requests.computeIfAbsent(request.unit(), a -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    if (request.unit() == 0) {
      int baud = 0;
      for (Ebc10Pile pile : piles) {
        Reply reply = pile.serve(request);
        if (reply != null && reply.baudAfter() > 0) {
          baud = reply.baudAfter();
        }
      }
      return baud == 0 ? null : new Reply(null, baud);
    }
    for (Ebc10Pile pile : piles) {
      if (pile.address() == request.unit()) {
        return pile.serve(request);
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (line != null) {
      line.close();
    }
  }
}
