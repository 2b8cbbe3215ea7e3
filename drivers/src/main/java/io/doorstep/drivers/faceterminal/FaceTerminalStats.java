package io.doorstep.drivers.faceterminal;

/** Counters of the face-terminal driver, for /metrics. */
public record FaceTerminalStats(long verifies, long duplicates, long answered, long recordMessages, long badMessages) {}
