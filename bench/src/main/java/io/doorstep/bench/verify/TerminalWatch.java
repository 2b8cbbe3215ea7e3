package io.doorstep.bench.verify;

import io.doorstep.sim.faceterminal.FaceTerminalCounts;
import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks that a run measured what it meant to: the terminals stayed connected, still hold the
 * residents (else every face is a stranger's and every answer a refusal), and heard nothing on
 * their down topics but answers. A second client with a terminal's id, or a stray command on
 * the broker, shows up here before it shows up as an odd figure.
 */
final class TerminalWatch {
  private final List<FaceTerminalSimulator> terminals;
  private final Map<String, LongAdder> downKinds = new ConcurrentHashMap<>();

  /** What happened to the terminals during one run. */
  record Findings(int fewestPersons, long reconnects, long lateAnswersIgnored, Map<String, Long> otherDown) {
    boolean clean(int persons) {
      return fewestPersons == persons && reconnects == 0 && otherDown.isEmpty();
    }

    String describe() {
      return String.format("fewest persons held %d, reconnects %d, late answers ignored %d, other down messages %s",
          fewestPersons, reconnects, lateAnswersIgnored, otherDown);
    }
  }

  TerminalWatch(List<FaceTerminalSimulator> terminals) {
    this.terminals = List.copyOf(terminals);
    for (FaceTerminalSimulator t : this.terminals) {
      String prefix = "ft/" + t.sn() + "/down/";
      t.addDownListener((topic, payload) -> downKinds
          .computeIfAbsent(topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic, k -> new LongAdder())
          .increment());
    }
  }

  /** Counters now, to compare with after a run. */
  Snapshot snapshot() {
    downKinds.clear();
    return new Snapshot(terminals.stream().map(FaceTerminalSimulator::counts).toList());
  }

  final class Snapshot {
    private final List<FaceTerminalCounts> before;

    private Snapshot(List<FaceTerminalCounts> before) {
      this.before = before;
    }

    Findings since() {
      int fewest = Integer.MAX_VALUE;
      long reconnects = 0;
      long late = 0;
      for (int i = 0; i < terminals.size(); i++) {
        FaceTerminalSimulator t = terminals.get(i);
        FaceTerminalCounts now = t.counts();
        fewest = Math.min(fewest, t.personCount());
        reconnects += now.connects() - before.get(i).connects();
        late += now.lateResultsIgnored() - before.get(i).lateResultsIgnored();
      }
      Map<String, Long> other = new TreeMap<>();
      downKinds.forEach((kind, n) -> {
        if (!kind.equals("verify-result") && !kind.equals("record-ack")) {
          other.put(kind, n.sum());
        }
      });
      return new Findings(fewest, reconnects, late, other);
    }
  }
}
