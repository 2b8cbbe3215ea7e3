package io.doorstep.drivers.mqtt;

/** A snapshot of the link for /health and /metrics. */
public record MqttLinkStats(
    boolean connected,
    String url,
    long connects,
    long connectionLosses,
    long received,
    long published,
    long publishFailures,
    String lastError) {}
