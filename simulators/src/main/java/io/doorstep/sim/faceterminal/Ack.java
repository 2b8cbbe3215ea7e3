package io.doorstep.sim.faceterminal;

import java.util.List;

/**
 * The answer to a command: refused whole ({@code ok} false with an error) or applied, with
 * the persons that were not.
 */
record Ack(String ackMsgId, boolean ok, String error, List<Failure> failed) {

  static final String TOO_LARGE = "TOO_LARGE";
  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String BAD_IMAGE = "BAD_IMAGE";
  static final String LIST_FULL = "LIST_FULL";

  record Failure(String personId, String error) {
  }

  static Ack applied(String ackMsgId, List<Failure> failed) {
    return new Ack(ackMsgId, true, null, List.copyOf(failed));
  }

  static Ack refused(String ackMsgId, String error) {
    return new Ack(ackMsgId, false, error, List.of());
  }
}
