package io.doorstep.drivers.faceterminal;

/**
 * Counters of the face-terminal driver, for /metrics.
 *
 * @param undecided verifies left unanswered because no decision came (the terminal decides alone)
 */
public record FaceTerminalStats(
    long verifies, long duplicates, long answered, long undecided, long recordMessages, long badMessages) {}
