package io.doorstep.device;

/**
 * A passage a terminal decided alone (while it had no answer from the gateway) and reported later.
 *
 * @param request what the person presented, as it would have been asked
 * @param opened whether the terminal opened
 */
public record PassageRecord(AccessRequest request, boolean opened) {}
