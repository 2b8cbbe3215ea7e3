package io.doorstep.gateway.access;

import io.doorstep.gateway.store.PersonRecord;

/**
 * The outcome of a decision: the reason (which says open or deny), and whom it concerns.
 *
 * @param person the person, when the credential named one the estate knows; else null
 * @param pass the visitor pass, when a valid one was shown; else null
 */
public record Verdict(Reason reason, PersonRecord person, VisitorPass pass) {

  public String personId() {
    return person == null ? null : person.id();
  }

  /** Whose passages anti-passback follows; see {@link Attempt#holder()}. */
  public String holder() {
    return Attempt.holderOf(person, pass);
  }

  /** The person's name, for "%s" in the reason's text. */
  public String name() {
    return person == null ? null : person.name();
  }
}
