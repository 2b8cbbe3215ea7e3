package io.doorstep.drivers.modbus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what a line reported, as short strings: "up", "lost: ...", "silent 5", "answering 5". */
final class RecordingLineListener implements LineListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void lineUp(String lineId) {
    events.add("up");
  }

  @Override
  public void lineLost(String lineId, String reason) {
    events.add("lost: " + reason);
  }

  @Override
  public void deviceSilent(String lineId, int unit, boolean silent) {
    events.add((silent ? "silent " : "answering ") + unit);
  }

  long count(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).count();
  }
}
