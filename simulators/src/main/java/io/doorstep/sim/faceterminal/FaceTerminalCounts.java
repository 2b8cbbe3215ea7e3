package io.doorstep.sim.faceterminal;

/**
 * A snapshot of one terminal's counters, for tests and the CLI summary.
 *
 * @param verifiesSent         up/verify messages published (a repeated msgId counts again)
 * @param answeredByGateway    verifications decided by a verify-result in time
 * @param decidedLocally       verifications the terminal decided alone
 * @param lateResultsIgnored   verify-results for a reqMsgId no longer awaited
 * @param offlineRecordsPending local decisions not yet acknowledged by a record-ack
 * @param recordMessagesSent   up/record publishes, repeats included
 * @param recordAcksReceived   record-acks that matched the message in flight
 * @param downMessages         messages received on down/#
 * @param badDownMessages      down messages the terminal could not use (bad JSON, unknown kind)
 * @param heartbeatsSent       up/heartbeat publishes
 * @param connects             successful connections, the first included
 */
public record FaceTerminalCounts(long verifiesSent, long answeredByGateway, long decidedLocally,
    long lateResultsIgnored, long offlineRecordsPending, long recordMessagesSent,
    long recordAcksReceived, long downMessages, long badDownMessages, long heartbeatsSent,
    long connects) {
}
