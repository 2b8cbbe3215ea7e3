package io.doorstep.sim.faceterminal;

import java.util.concurrent.atomic.AtomicLong;

/** Written by the terminal's thread, read by tests on theirs. */
final class Counters {

  final AtomicLong verifiesSent = new AtomicLong();
  final AtomicLong answeredByGateway = new AtomicLong();
  final AtomicLong decidedLocally = new AtomicLong();
  final AtomicLong lateResultsIgnored = new AtomicLong();
  final AtomicLong offlineRecordsPending = new AtomicLong();
  final AtomicLong recordMessagesSent = new AtomicLong();
  final AtomicLong recordAcksReceived = new AtomicLong();
  final AtomicLong downMessages = new AtomicLong();
  final AtomicLong badDownMessages = new AtomicLong();
  final AtomicLong heartbeatsSent = new AtomicLong();
  final AtomicLong connects = new AtomicLong();

  FaceTerminalCounts snapshot() {
    return new FaceTerminalCounts(verifiesSent.get(), answeredByGateway.get(),
        decidedLocally.get(), lateResultsIgnored.get(), offlineRecordsPending.get(),
        recordMessagesSent.get(), recordAcksReceived.get(), downMessages.get(),
        badDownMessages.get(), heartbeatsSent.get(), connects.get());
  }
}
