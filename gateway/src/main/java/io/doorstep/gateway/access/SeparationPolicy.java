package io.doorstep.gateway.access;

/**
 * Pedestrian and vehicle separation (人车分流): someone wheeling or riding an e-bike is sent to
 * the e-bike gate instead of through a pedestrian lane or into a unit, where e-bikes are charged
 * dangerously. The terminal's camera says what came with the person.
 */
final class SeparationPolicy implements AccessPolicy {
  static final String EBIKE = "ebike";

  @Override
  public Reason check(Attempt a, AccessSnapshot s) {
    return EBIKE.equals(a.request().bodyType()) && s.rules().refusesEbikes(a.door()) ? Reason.EBIKE_NOT_ALLOWED : null;
  }
}
