package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;

/**
 * Decides one request. Pure and fast: it sees only the request, the directory snapshot and
 * the time. The full rules (groups, schedules, visitor passes, anti-passback, e-bike
 * separation) are further policies composed in front of or after this one.
 */
public interface AccessPolicy {

  /** The outcome: a reason (which says open or deny) and the person it concerns, if known. */
  record Verdict(Reason reason, io.doorstep.gateway.store.PersonRecord person) {}

  Verdict decide(AccessRequest request, PersonDirectory directory, long nowMs);
}
