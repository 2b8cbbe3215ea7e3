package io.doorstep.sim.charger;

import io.doorstep.sim.serial.LineCounts;
import io.doorstep.sim.serial.RtuSlaveLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A shed of EBC-10 piles on one serial line with bikes that come and go: some ports have a bike
 * at the start, finished bikes leave now and then and new ones arrive. What {@code simulate
 * ebc10} and the demo run.
 */
public final class ShedSimulation implements AutoCloseable {
  private final List<Ebc10Pile> piles;
  private final Ebc10Bus bus;
  private final double speed;
  private final double plugged;
  private final Random random;

  private ShedSimulation(List<Ebc10Pile> piles, Ebc10Bus bus, double speed, double plugged, Random random) {
    this.piles = piles;
    this.bus = bus;
    this.speed = speed;
    this.plugged = plugged;
    this.random = random;
  }

  /**
   * @param plugged share of ports with a bike at the start, 0–1
   * @throws IllegalStateException when the line cannot be opened
   */
  public static ShedSimulation start(String line, List<Integer> addresses, RtuSlaveLine.Options options,
      double speed, double plugged, long seed) {
    Random random = new Random(seed);
    List<Ebc10Pile> piles = new ArrayList<>();
    for (int address : addresses) {
      Ebc10Pile pile = Ebc10Pile.builder(address).speed(speed).baud(options.baud()).seed(random.nextLong()).build();
      for (int port = 1; port <= Ebc10Pile.PORTS; port++) {
        if (random.nextDouble() < plugged) {
          pile.plugIn(port, ChargerProfile.typical(random));
        }
      }
      piles.add(pile);
    }
    return new ShedSimulation(piles, Ebc10Bus.open(line, piles, options), speed, plugged, random);
  }

  /** Call once a real second: finished bikes leave now and then, and new ones arrive. */
  public synchronized void step() {
    double simHours = speed / 3600;
    for (Ebc10Pile pile : piles) {
      for (int port = 1; port <= Ebc10Pile.PORTS; port++) {
        if (!pile.plugged(port)) {
          if (random.nextDouble() < plugged * simHours / 4) {
            pile.plugIn(port, ChargerProfile.typical(random));
          }
        } else if (pile.power(port) < 2 && random.nextDouble() < simHours / 2) {
          pile.unplug(port);
        }
      }
    }
  }

  public List<Ebc10Pile> piles() {
    return piles;
  }

  public LineCounts counts() {
    return bus.counts();
  }

  @Override
  public void close() {
    bus.close();
  }
}
