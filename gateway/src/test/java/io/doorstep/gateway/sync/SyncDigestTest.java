package io.doorstep.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.doorstep.gateway.store.PersonRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncDigestTest {
  private static final PersonRecord ANN =
      new PersonRecord("R1", "张三", "resident", "B01-U1-101", 0, 0, List.of("04A1", "04B2"));

  @Test
  void everythingTheTerminalIsSentChangesTheDigest() {
    String base = EntryDigest.of(ANN, "f1");
    assertNotEquals(base, EntryDigest.of(with(ANN.name() + "!", 0, 0, ANN.cards()), "f1"));
    assertNotEquals(base, EntryDigest.of(with(ANN.name(), 1, 0, ANN.cards()), "f1"));
    assertNotEquals(base, EntryDigest.of(with(ANN.name(), 0, 1, ANN.cards()), "f1"));
    assertNotEquals(base, EntryDigest.of(with(ANN.name(), 0, 0, List.of("04A1")), "f1"));
    assertNotEquals(base, EntryDigest.of(ANN, "f2"));
    assertNotEquals(base, EntryDigest.of(ANN, null));
  }

  @Test
  void whatTheTerminalNeverSeesDoesNotChangeIt() {
    PersonRecord moved = new PersonRecord("R1", "张三", "tenant", "B02-U1-101", 0, 0, List.of("04b2", "04a1"));
    assertEquals(EntryDigest.of(ANN, "f1"), EntryDigest.of(moved, "f1"));
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    PersonRecord a = new PersonRecord("R1", "ab", "resident", null, 0, 0, List.of("C0"));
    PersonRecord b = new PersonRecord("R1", "a", "resident", null, 0, 0, List.of("BC0"));
    assertNotEquals(EntryDigest.of(a, null), EntryDigest.of(b, null));
  }

  private static PersonRecord with(String name, long from, long to, List<String> cards) {
    return new PersonRecord(ANN.id(), name, ANN.kind(), ANN.household(), from, to, cards);
  }
}
