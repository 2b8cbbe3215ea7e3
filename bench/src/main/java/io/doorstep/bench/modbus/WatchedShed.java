package io.doorstep.bench.modbus;

import io.doorstep.sim.charger.Ebc10Pile;
import io.doorstep.sim.modbus.RtuRequest;
import io.doorstep.sim.serial.RtuSlave;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The piles of one shed answering on their line, as {@code Ebc10Bus} does, and telling the bench
 * when a watched input register is next read: the moment the gateway could first have seen a
 * hot plug. Runs on the simulator line's thread.
 */
final class WatchedShed implements RtuSlave {
  private record Watch(int unit, int register, CompletableFuture<Long> read) {}

  private final List<Ebc10Pile> piles;
  private volatile Watch watch;

  WatchedShed(List<Ebc10Pile> piles) {
    this.piles = List.copyOf(piles);
  }

  /** Completes with the time the next read of {@code register} of {@code unit} is served. */
  CompletableFuture<Long> nextRead(int unit, int register) {
    Watch w = new Watch(unit, register, new CompletableFuture<>());
    watch = w;
    return w.read();
  }

  @Override
  public Reply handle(RtuRequest request) {
    Watch w = watch;
    if (w != null && request instanceof RtuRequest.ReadRegisters read && read.unit() == w.unit()
        && read.function() == 0x04 && read.address() <= w.register() && w.register() < read.address() + read.count()) {
      w.read().complete(System.nanoTime());
    }
    for (Ebc10Pile pile : piles) {
      if (pile.address() == request.unit()) {
        return pile.serve(request);
      }
    }
    return null;
  }
}
