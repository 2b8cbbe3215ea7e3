package io.doorstep.bench.modbus;

import io.doorstep.drivers.modbus.ReadBlock;
import io.doorstep.drivers.modbus.RtuTiming;
import java.util.List;

/**
 * The floor of a poll cycle on a real RS-485 wire, from {@link RtuTiming}: per block a request
 * frame, 3.5 characters of silence, the device's answer time, the answer frame and its silence;
 * per pile its blocks; per cycle every pile. Beside it, what the bench's pty and paced simulator
 * actually impose: a pty carries the master's request at once, the simulator answers after
 * {@code max(answer delay, 3.5 characters)} and paces only its answer, and the master keeps the
 * silence after the answer (the gateway's line and the bench's bare master both do). A master on
 * the pty can therefore beat the wire's floor by the requests' time on the wire, and its
 * efficiency against the wire must be read with that in mind.
 */
record CycleTheory(int baud, int answerDelayMs, int devices, List<Block> blocks) {

  /** One read of the plan, with its wire time and its time on the pty. */
  record Block(ReadBlock block, int requestBytes, int responseBytes, double requestMs, double silenceMs,
      double responseMs, double wireMs, double ptyMs) {}

  static CycleTheory of(int baud, List<ReadBlock> plan, int answerDelayMs, int devices) {
    double charMs = RtuTiming.characterMs(baud);
    double silence = RtuTiming.silenceMs(baud);
    List<Block> blocks = plan.stream().map(b -> {
      int request = RtuTiming.READ_REQUEST_BYTES;
      int response = RtuTiming.readResponseBytes(b.table(), b.count());
      double wire = RtuTiming.transactionMs(baud, request, response, answerDelayMs);
      double pty = Math.max(answerDelayMs, silence) + response * charMs + silence;
      return new Block(b, request, response, request * charMs, silence, response * charMs, wire, pty);
    }).toList();
    return new CycleTheory(baud, answerDelayMs, devices, blocks);
  }

  double characterMs() {
    return RtuTiming.characterMs(baud);
  }

  /** One device's blocks on the wire. */
  double deviceMs() {
    return blocks.stream().mapToDouble(Block::wireMs).sum();
  }

  /** Every device once on the wire: the theoretical minimum cycle. */
  double cycleMs() {
    return deviceMs() * devices;
  }

  /** Every device once on the bench's pty, as the paced simulator imposes it. */
  double ptyCycleMs() {
    return blocks.stream().mapToDouble(Block::ptyMs).sum() * devices;
  }

  /** Achieved rate as a share of the theoretical rate: theory / achieved. */
  static double efficiency(double theoryMs, double achievedMs) {
    return theoryMs / achievedMs;
  }
}
