package io.doorstep.sim.charger;

import java.time.Duration;
import java.util.Random;

/**
 * How a bike's own charger draws power over its charging time: constant current (flat power)
 * for hours, an exponential taper down to a few watts, then a trickle of under a watt once
 * the battery is full, drawn for as long as the relay stays closed.
 *
 * @param bulkWatts the flat part, typically 150-350 W
 * @param bulkTime how long the flat part lasts
 * @param taperTime how long power takes to fall from bulk to {@link #TAPER_END_WATTS}
 * @param finishedWatts the trickle once full, 0-1 W
 */
public record ChargerProfile(double bulkWatts, Duration bulkTime, Duration taperTime,
    double finishedWatts) {

  public static final double TAPER_END_WATTS = 3.0;

  public ChargerProfile {
    if (bulkWatts <= TAPER_END_WATTS || finishedWatts < 0 || finishedWatts > TAPER_END_WATTS
        || bulkTime.isNegative() || taperTime.isNegative() || taperTime.isZero()) {
      throw new IllegalArgumentException("not a charging curve: " + bulkWatts + " W for "
          + bulkTime + ", taper " + taperTime + ", then " + finishedWatts + " W");
    }
  }

  /** A bike as they come: 150-350 W for 2-5 h, a taper of 1-2 h, then 0.2-0.9 W. */
  public static ChargerProfile typical(Random random) {
    return new ChargerProfile(150 + random.nextInt(201),
        Duration.ofMinutes(120 + random.nextInt(181)), Duration.ofMinutes(60 + random.nextInt(61)),
        0.2 + random.nextInt(8) / 10.0);
  }

  /** Power drawn after {@code seconds} of charging (relay closed). */
  public double powerAt(double seconds) {
    double bulk = bulkTime.toMillis() / 1000.0;
    double taper = taperTime.toMillis() / 1000.0;
    if (seconds < bulk) {
      return bulkWatts;
    }
    if (seconds < bulk + taper) {
      return bulkWatts * Math.exp(Math.log(TAPER_END_WATTS / bulkWatts) * (seconds - bulk) / taper);
    }
    return finishedWatts;
  }

  /** Charging time until full: bulk plus taper. */
  public Duration fullAfter() {
    return bulkTime.plus(taperTime);
  }
}
