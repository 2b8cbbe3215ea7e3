package io.doorstep.gateway.charging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One charging shed: its piles share a smoke alarm's consequences, one breaker and its power.
 *
 * @param nameZh how people call it, e.g. {@code "1号棚"}
 * @param nameEn e.g. {@code "shed 1"}
 * @param budgetW the most power the shed's ports may draw together (the breaker's rating)
 * @param breaker the shed's breaker, cut when a relay will not open
 */
public record ShedConfig(String shedId, String nameZh, String nameEn, double budgetW,
    Breaker breaker, List<PileConfig> piles) {
  public ShedConfig {
    if (shedId == null || shedId.isBlank()) {
      throw new IllegalArgumentException("a shed needs an id");
    }
    if (!(budgetW > 0)) {
      throw new IllegalArgumentException("shed " + shedId + " needs a power budget above 0 W, got " + budgetW);
    }
    if (breaker == null) {
      throw new IllegalArgumentException("shed " + shedId + " needs its breaker's label");
    }
    piles = List.copyOf(piles);
    Set<String> seen = new HashSet<>();
    for (PileConfig p : piles) {
      if (!seen.add(p.pileId())) {
        throw new IllegalArgumentException("pile " + p.pileId() + " is twice in shed " + shedId);
      }
    }
  }
}
