package io.doorstep.gateway.people;

import static io.doorstep.gateway.people.PeopleFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.gateway.store.Store;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway that ran the first release keeps its persons and cards when it upgrades. */
class PeopleSchemaTest {

  @TempDir Path dir;

  @Test
  void anUpgradeListsTheHouseholdsAndCardKindsOfExistingPersons() throws Exception {
    Path file = dir.resolve("doorstep.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        InputStream v1 = Store.class.getResourceAsStream("/db/migration/V1__init.sql")) {
      s.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, file TEXT NOT NULL, applied_ts INTEGER NOT NULL)");
      s.executeUpdate(new String(v1.readAllBytes(), StandardCharsets.UTF_8));
      s.executeUpdate("INSERT INTO schema_version VALUES (1, 'V1__init.sql', 0)");
      s.executeUpdate("INSERT INTO persons VALUES ('R1', '王伟', 'resident', 'B03-U1-1502', 0, 0, 0, 0)");
      s.executeUpdate("INSERT INTO persons VALUES ('S1', '赵强', 'staff', NULL, 0, 0, 0, 0)");
      s.executeUpdate("INSERT INTO cards VALUES ('04A1B2C3', 'R1')");
    }

    try (PeopleFixture f = new PeopleFixture(dir)) {
      assertEquals(List.of(new HouseholdEntry(new Household("B03-U1-1502", "B03", "U1", "1502"), 1)),
          await(f.people.households()));
      assertEquals(List.of(List.of("04A1B2C3", "mifare")), f.rows("SELECT uid, kind FROM cards"));
      assertEquals(List.of(Card.parse("04A1B2C3")), await(f.people.person("R1")).orElseThrow().person().cards());
    }
  }
}
