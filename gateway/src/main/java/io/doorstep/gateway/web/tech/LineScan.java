package io.doorstep.gateway.web.tech;

import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.CrcException;
import io.doorstep.drivers.modbus.ModbusExceptionResponse;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.Priority;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A search of one line for the unit addresses that answer. Each address gets one short read
 * (holding register 0) at OPERATOR priority through the line's own scheduler, and the next is
 * queued only when the previous is done: polls and safety stops take their turns in between,
 * so the piles stay watched while the technician waits. An exception answer counts as found
 * (something at that address refused the register); a garbled answer is reported as such.
 */
final class LineScan {
  /**
   * Generous: most devices answer within a few tens of milliseconds, but a unit missed here is
   * reported absent, which sends the technician looking for a fault that is not there. An empty
   * address costs two such waits (the line's retry), so 1-247 on an empty line takes about two
   * minutes at 9600 baud.
   */
  static final int ANSWER_MS = 200;

  private final ModbusLine line;
  private final int from;
  private final int to;
  private final String by;
  private final long startedMs = System.currentTimeMillis();
  private final List<JsonObject> found = new ArrayList<>();
  private int next;
  private boolean cancelled;
  private long finishedMs;
  private String error;

  LineScan(ModbusLine line, int from, int to, String by) {
    this.line = line;
    this.from = from;
    this.to = to;
    this.by = by;
    this.next = from;
  }

  void start() {
    probe();
  }

  synchronized void cancel() {
    cancelled = true;
  }

  /** Stops the scan after the address in hand, saying why: the reason stands as the scan's error. */
  synchronized void stop(String reason) {
    if (finishedMs == 0 && error == null) {
      error = reason;
    }
    cancelled = true;
  }

  synchronized boolean running() {
    return finishedMs == 0;
  }

  private void probe() {
    int unit;
    synchronized (this) {
      if (cancelled || next > to) {
        finishedMs = System.currentTimeMillis();
        return;
      }
      unit = next;
    }
    line.readRegisters(unit, RegisterTable.HOLDING_REGISTER, 0, 1, Priority.OPERATOR, ANSWER_MS)
        .onComplete(done -> {
          String answer = done.succeeded() ? "ok" : kind(done.cause());
          synchronized (this) {
            if (answer != null && !answer.equals("lost")) {
              found.add(new JsonObject().put("unit", unit).put("answer", answer));
            }
            if ("lost".equals(answer)) {
              error = error != null ? error : done.cause().getMessage();
              cancelled = true;
            }
            next = unit + 1;
          }
          probe();
        });
  }

  /** "exception", "garbled", "lost" (the line went away), or null for silence. */
  private static String kind(Throwable cause) {
    if (cause instanceof ModbusExceptionResponse) {
      return "exception";
    }
    if (cause instanceof CrcException) {
      return "garbled";
    }
    if (cause instanceof DeviceTimeoutException) {
      return null;
    }
    return "lost";
  }

  synchronized JsonObject toJson() {
    return new JsonObject()
        .put("line", line.id())
        .put("from", from)
        .put("to", to)
        .put("by", by)
        .put("startedMs", startedMs)
        .put("running", finishedMs == 0)
        .put("cancelled", cancelled && error == null)
        .put("finishedMs", finishedMs == 0 ? null : finishedMs)
        .put("next", Math.min(next, to))
        .put("done", next - from)
        .put("total", to - from + 1)
        .put("error", error)
        .put("found", new JsonArray(new ArrayList<>(found)));
  }
}
