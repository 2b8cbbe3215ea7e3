package io.doorstep.gateway.access;

import java.util.HashMap;
import java.util.Map;

/**
 * The last passage of each holder in each passback group. Belongs to the access verticle: only
 * its thread reads or changes it, so it needs no locking and a decision reads it in nanoseconds.
 */
public final class PassbackState {

  /** @param direction "in" or "out"; @param ts Unix ms */
  public record Last(String direction, long ts) {}

  /** @param group passback group id; @param holder person id or "pass:" + pass id */
  public record Passage(String group, String holder, String direction, long ts) {}

  private final Map<Key, Last> last = new HashMap<>();

  private record Key(String group, String holder) {}

  public Last last(String group, String holder) {
    return last.get(new Key(group, holder));
  }

  /**
   * Takes a passage in unless a later one is already known: records a terminal decided alone
   * may arrive after newer live passages and must not roll the state back.
   *
   * @return whether the state changed
   */
  public boolean record(Passage p) {
    Key key = new Key(p.group(), p.holder());
    Last known = last.get(key);
    if (known != null && known.ts() > p.ts()) {
      return false;
    }
    last.put(key, new Last(p.direction(), p.ts()));
    return true;
  }

  public int size() {
    return last.size();
  }
}
