package io.doorstep.gateway.charging;

/**
 * One charge from the relay closing to it opening.
 *
 * @param energyWh what the pile's energy register counted while the session was watched
 * @param peakPlugTemperature °C, null when no reading of the session had one
 * @param reconstructed the start was worked out from the pile's relay seconds, because the
 *     gateway first saw the port already charging
 */
public record ChargingSession(
    String pileId,
    int port,
    long startedAt,
    long endedAt,
    double energyWh,
    double peakPowerW,
    Double peakPlugTemperature,
    StopReason reason,
    boolean reconstructed) {}
