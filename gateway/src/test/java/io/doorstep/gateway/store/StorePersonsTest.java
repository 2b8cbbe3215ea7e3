package io.doorstep.gateway.store;

import static io.doorstep.gateway.store.StoreTesting.await;
import static io.doorstep.gateway.store.StoreTesting.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePersonsTest {

  @TempDir Path dir;
  private Path file;
  private Vertx vertx;
  private Store store;

  @BeforeEach
  void open() throws StoreException {
    vertx = Vertx.vertx();
    file = dir.resolve("doorstep.db");
    store = Store.open(vertx, file);
  }

  @AfterEach
  void close() {
    store.close();
    await(vertx.close());
  }

  @Test
  void personsComeBackWithTheirCards() {
    PersonRecord ann = person("R1001", "Ann", "04A1", "04A2");
    PersonRecord bob = person("R1002", "Bob", "04B1");
    PersonRecord guard = new PersonRecord("S0001", "Guard", "staff", null, 1_000, 2_000, List.of());
    await(store.upsertPersons(List.of(bob, ann, guard)));

    assertEquals(List.of(ann, bob, guard), await(store.persons()));
    assertEquals(3L, await(store.countPersons()));
  }

  @Test
  void anUpsertReplacesThePersonAndTheirWholeCardSet() {
    await(store.upsertPersons(List.of(person("R1001", "Ann", "04A1", "04A2"))));
    PersonRecord renamed = person("R1001", "Anne", "04A2", "04A3");
    await(store.upsertPersons(List.of(renamed)));

    assertEquals(List.of(renamed), await(store.persons()));
    assertEquals(1L, await(store.countPersons()));
  }

  @Test
  void aCardGivenToSomeoneElseMovesToThem() {
    await(store.upsertPersons(List.of(person("R1001", "Ann", "04A1", "04A2"), person("R1002", "Bob"))));
    await(store.upsertPersons(List.of(person("R1002", "Bob", "04A2"))));

    assertEquals(List.of(person("R1001", "Ann", "04A1"), person("R1002", "Bob", "04A2")), await(store.persons()));
  }

  @Test
  void removingAPersonRevokesTheirCards() throws SQLException {
    await(store.upsertPersons(List.of(person("R1001", "Ann", "04A1"), person("R1002", "Bob", "04B1"))));
    try (Connection c = raw(file); Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys=ON");
      s.executeUpdate("DELETE FROM persons WHERE id = 'R1001'");
      var rs = s.executeQuery("SELECT group_concat(uid) FROM cards");
      rs.next();
      assertEquals("04B1", rs.getString(1));
    }
    assertEquals(List.of(person("R1002", "Bob", "04B1")), await(store.persons()));
  }

  @Test
  void aBadPersonFailsTheWholeUpsert() {
    PersonRecord nameless = new PersonRecord("R1003", null, "resident", "A-1-103", 0, 0, List.of("04C1"));
    StoreTesting.failure(store.upsertPersons(List.of(person("R1001", "Ann", "04A1"), nameless)));

    assertEquals(List.of(), await(store.persons()));
    assertEquals(0L, await(store.countPersons()));
  }

  private static PersonRecord person(String id, String name, String... cards) {
    return new PersonRecord(id, name, "resident", "A-1-" + id.substring(2), 0, 0, List.of(cards));
  }
}
