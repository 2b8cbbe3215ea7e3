package io.doorstep.gateway.access;

/**
 * One rule of the decision chain (see {@link PolicyChain}). Pure and fast: it sees only the
 * attempt and the in-memory snapshot, never the disk, so each rule is tested alone and a door
 * never waits.
 */
public interface AccessPolicy {

  /** The reason to refuse, or null when this rule has nothing against the attempt. */
  Reason check(Attempt attempt, AccessSnapshot snapshot);
}
