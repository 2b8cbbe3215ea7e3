package io.doorstep.gateway.charging;

/** The running accounts of a session that has not ended yet. */
final class OpenSession {
  final long startedAt;
  final boolean reconstructed;
  private double lastRegisterWh;
  private double energyWh;
  private double peakPowerW;
  private Double peakPlugTemperature;

  /**
   * @param registerAtStartWh the pile's session energy register at the start; a reconstructed
   *     session starts from 0, because the register counts from the relay closing
   */
  OpenSession(long startedAt, boolean reconstructed, double registerAtStartWh) {
    this.startedAt = startedAt;
    this.reconstructed = reconstructed;
    this.lastRegisterWh = registerAtStartWh;
  }

  void observe(PortReading p) {
    // Sum the steps rather than subtract the first value from the last: a register that the
    // pile resets mid-session (a pile restart) must not make the session's energy negative.
    double step = p.energyWh() - lastRegisterWh;
    energyWh += step >= 0 ? step : p.energyWh();
    lastRegisterWh = p.energyWh();
    peakPowerW = Math.max(peakPowerW, p.powerW());
    if (p.plugTemperature() != null
        && (peakPlugTemperature == null || p.plugTemperature() > peakPlugTemperature)) {
      peakPlugTemperature = p.plugTemperature();
    }
  }

  ChargingSession end(String pileId, int port, long endedAt, StopReason reason) {
    return new ChargingSession(pileId, port, startedAt, endedAt, energyWh, peakPowerW,
        peakPlugTemperature, reason, reconstructed);
  }
}
