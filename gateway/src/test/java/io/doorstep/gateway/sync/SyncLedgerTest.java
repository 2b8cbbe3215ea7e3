package io.doorstep.gateway.sync;

import static io.doorstep.gateway.sync.SyncTesting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a terminal is known to hold survives a restart, refusals included. */
class SyncLedgerTest {
  @TempDir Path dir;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
  }

  @AfterEach
  void close() {
    store.close();
    await(vertx.close());
  }

  @Test
  void givenAnswersThenTheReopenedFileHoldsTheSameEntries() throws Exception {
    TerminalLedger ledger = new TerminalLedger("t1", store, Map.of());
    await(ledger.answered(Map.of("R1", "d1", "R2", "d2"), Map.of()));
    await(ledger.answered(Map.of(), Map.of(
        "R2", new TerminalLedger.Refusal("d2b", "NO_FACE_FOUND"),
        "R3", new TerminalLedger.Refusal("d3", "BAD_IMAGE"))));
    Map<String, KnownEntry> expected = Map.of(
        "R1", KnownEntry.ok("d1"),
        "R2", new KnownEntry("d2b", true, "NO_FACE_FOUND", true),
        "R3", new KnownEntry("d3", true, "BAD_IMAGE", false));
    assertEquals(expected, ledger.entries());
    assertEquals(2, ledger.held(), "a refused update keeps the old entry on the terminal");

    store.close();
    store = Store.open(vertx, dir.resolve("doorstep.db"));
    assertEquals(Map.of("t1", expected), await(store.read(SyncRows::all)));
  }

  @Test
  void givenDeletionsThenListFullRefusalsAreForgottenSoThatTheyAreTriedAgain() {
    TerminalLedger ledger = new TerminalLedger("t1", store, Map.of());
    await(ledger.answered(Map.of("R1", "d1"), Map.of(
        "R2", new TerminalLedger.Refusal("d2", "LIST_FULL"),
        "R3", new TerminalLedger.Refusal("d3", "BAD_IMAGE"))));
    await(ledger.deleted(List.of("R1")));
    assertEquals(Map.of("R3", new KnownEntry("d3", true, "BAD_IMAGE", false)), ledger.entries());
    assertEquals(ledger.entries(), await(store.read(SyncRows::all)).get("t1"));
  }

  @Test
  void givenALostListThenEverythingIsForgottenForThatTerminalOnly() {
    TerminalLedger t1 = new TerminalLedger("t1", store, Map.of());
    TerminalLedger t2 = new TerminalLedger("t2", store, Map.of());
    await(t1.answered(Map.of("R1", "d1"), Map.of()));
    await(t2.answered(Map.of("R1", "d1"), Map.of()));
    await(t1.forgetAll());
    assertEquals(Map.of("t2", Map.of("R1", KnownEntry.ok("d1"))), await(store.read(SyncRows::all)));
  }
}
