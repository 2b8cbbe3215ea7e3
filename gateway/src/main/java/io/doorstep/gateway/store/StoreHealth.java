package io.doorstep.gateway.store;

/**
 * What the writer is doing, for /health and the page.
 *
 * @param ok false once a write has failed and not yet succeeded again
 * @param queued writes waiting for the writer
 * @param lastCommitMs Unix ms of the last successful commit, 0 if none yet
 * @param lastError the last write error, or null
 */
public record StoreHealth(boolean ok, int queued, long lastCommitMs, String lastError) {}
