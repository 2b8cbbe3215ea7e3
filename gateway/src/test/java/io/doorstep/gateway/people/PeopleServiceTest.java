package io.doorstep.gateway.people;

import static io.doorstep.gateway.people.PeopleFixture.await;
import static io.doorstep.gateway.people.PeopleFixture.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.store.PersonRecord;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeopleServiceTest {

  @TempDir Path dir;
  private PeopleFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new PeopleFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static Person wang() {
    return new Person("R01001", "王伟", PersonKind.RESIDENT, "B03-U1-1502", 0, 0,
        List.of(Card.parse("04a1b2c3"), Card.parse("123:45678")),
        List.of(Vehicle.car("闽C·12345"), Vehicle.ebike("闽C E1234")),
        List.of(Identifiers.ebikeTag("e2801160600002")));
  }

  @Test
  void aPersonComesBackWithCardsVehiclesTagsAndFace() {
    byte[] face = PeopleFixture.jpeg(30_000, 1);
    PersonEntry added = await(f.people.add("office", wang(), face));

    PersonEntry read = await(f.people.person("R01001")).orElseThrow();
    assertEquals(added, read);
    assertEquals(List.of("04A1B2C3", "W26:123:45678"), read.person().cards().stream().map(Card::text).toList());
    assertEquals(List.of(new Vehicle("闽C12345", VehicleKind.CAR), new Vehicle("闽CE1234", VehicleKind.EBIKE)),
        read.person().vehicles());
    assertEquals(List.of("E2801160600002"), read.person().ebikeTags());
    assertTrue(read.hasFace());
    assertEquals(FaceCipher.sha256(face), read.faceSha256());
    assertTrue(java.util.Arrays.equals(face, await(f.faces.photo("R01001")).orElseThrow()));
  }

  @Test
  void accessDecisionsSeeThePersonWithTheirCards() {
    await(f.people.add("office", wang(), null));

    assertEquals(List.of(new PersonRecord("R01001", "王伟", "resident", "B03-U1-1502", 0, 0,
        List.of("04A1B2C3", "W26:123:45678"))), await(f.store.persons()));
    assertEquals(List.of(List.of("04A1B2C3", "mifare"), List.of("W26:123:45678", "wiegand26")),
        f.rows("SELECT uid, kind FROM cards ORDER BY uid"));
  }

  @Test
  void anUpdateReplacesTheCredentialsAndKeepsTheFace() {
    await(f.people.add("office", wang(), PeopleFixture.jpeg(1000, 2)));
    Person moved = new Person("R01001", "王伟", PersonKind.TENANT, "B05-U2-801", 0, 1_800_000_000_000L,
        List.of(Card.wiegand34(3735928559L)), List.of(), List.of());

    PersonEntry updated = await(f.people.update("office", moved));

    assertEquals(moved, updated.person());
    assertEquals(moved, await(f.people.person("R01001")).orElseThrow().person());
    assertTrue(updated.hasFace());
    assertEquals(0, f.count("vehicles"));
    assertEquals(0, f.count("ebike_tags"));
    assertEquals(List.of(List.of("W34:3735928559", "wiegand34")), f.rows("SELECT uid, kind FROM cards"));
  }

  @Test
  void removingAPersonTakesEveryCredentialAndTheFace() {
    await(f.people.add("office", wang(), PeopleFixture.jpeg(1000, 3)));

    await(f.people.remove("office", "R01001"));

    assertEquals(Optional.empty(), await(f.people.person("R01001")));
    for (String table : List.of("persons", "cards", "vehicles", "ebike_tags", "face_photos")) {
      assertEquals(0, f.count(table), table);
    }
    assertEquals(Optional.empty(), await(f.faces.photo("R01001")));
  }

  @Test
  void everyChangeIsAuditedWithoutThePhoto() {
    byte[] face = PeopleFixture.jpeg(1000, 4);
    await(f.people.add("guard-1", wang(), face));
    await(f.people.update("guard-1", wang().withEbikeTags(List.of())));
    await(f.people.removeFace("guard-1", "R01001"));
    await(f.people.remove("guard-1", "R01001"));

    List<List<String>> audit = f.rows("SELECT actor, action, target, before_json, after_json FROM audit ORDER BY seq");
    assertEquals(List.of("person.add", "person.update", "person.face.remove", "person.remove"),
        audit.stream().map(r -> r.get(1)).toList());
    assertTrue(audit.stream().allMatch(r -> r.get(0).equals("guard-1") && r.get(2).equals("R01001")));
    JsonObject before = new JsonObject(audit.get(1).get(3));
    JsonObject after = new JsonObject(audit.get(1).get(4));
    assertEquals(1, before.getJsonArray("ebikeTags").size());
    assertEquals(0, after.getJsonArray("ebikeTags").size());
    assertEquals(true, after.getBoolean("face"));
    assertNull(audit.get(3).get(4));
    String digest = FaceCipher.sha256(face);
    assertTrue(audit.stream().flatMap(List::stream).noneMatch(s -> s != null && s.contains(digest)),
        "neither the photo nor its digest is in the audit trail");
  }

  @Test
  void everyChangeIsAnnouncedWithThePersonsId() {
    await(f.people.add("office", wang(), null));
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 5)));
    await(f.people.update("office", wang().withCards(List.of())));
    await(f.people.remove("office", "R01001"));

    List<PersonsChanged> changes = f.changes(4);
    assertEquals(4, changes.size());
    assertTrue(changes.stream().allMatch(c -> c.equals(PersonsChanged.of(Set.of("R01001")))));
  }

  @Test
  void anUpdateThatChangesNothingIsNeitherWrittenNorAnnounced() {
    await(f.people.add("office", wang(), null));
    await(f.people.update("office", wang()));
    await(f.people.add("office", Person.of("R01002", "李娜", PersonKind.RESIDENT, "B03-U1-1502"), null));

    List<PersonsChanged> changes = f.changes(2);
    assertEquals(List.of(PersonsChanged.of(Set.of("R01001")), PersonsChanged.of(Set.of("R01002"))), changes);
    assertEquals(2, f.count("audit"));
  }

  @Test
  void aCardOfAnotherPersonIsRefused() {
    await(f.people.add("office", wang(), null));
    Person li = Person.of("R01002", "李娜", PersonKind.RESIDENT, "B03-U1-1502")
        .withCards(List.of(Card.parse("04A1B2C3")));

    PeopleException e = refusal(f.people.add("office", li, null), PeopleException.Code.CONFLICT);

    assertTrue(e.getMessage().contains("card 04A1B2C3 belongs to R01001 (王伟)"), e.getMessage());
    assertEquals(1, f.count("persons"));
    assertTrue(f.store.health().ok(), "a refused change is not a store failure");
  }

  @Test
  void aPlateOrTagOfAnotherPersonIsRefused() {
    await(f.people.add("office", wang(), null));
    Person li = Person.of("R01002", "李娜", PersonKind.RESIDENT, "B03-U1-1502");

    refusal(f.people.add("office", li.withVehicles(List.of(Vehicle.ebike("闽C12345"))), null), PeopleException.Code.CONFLICT);
    refusal(f.people.add("office", li.withEbikeTags(List.of("E2801160600002")), null), PeopleException.Code.CONFLICT);
    assertEquals(1, f.count("persons"));
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() {
    Person nowhere = Person.of("R01003", "张三", PersonKind.RESIDENT, null);
    assertTrue(refusal(f.people.add("office", nowhere, null), PeopleException.Code.INVALID).getMessage()
        .contains("household: a resident needs a household"));

    Person noBuilding = Person.of("R01003", "张三", PersonKind.RESIDENT, "B13-U1-1502");
    assertTrue(refusal(f.people.add("office", noBuilding, null), PeopleException.Code.INVALID).getMessage()
        .contains("no building B13"));

    Person backwards = Person.of("R01003", "张三", PersonKind.TENANT, "B03-U1-1502").withValidity(2_000, 1_000);
    assertTrue(refusal(f.people.add("office", backwards, null), PeopleException.Code.INVALID).getMessage()
        .contains("validTo"));

    Person blank = Person.of("R 1", " ", PersonKind.STAFF, null);
    String message = refusal(f.people.add("office", blank, null), PeopleException.Code.INVALID).getMessage();
    assertTrue(message.contains("id:") && message.contains("name: empty"), message);
    assertEquals(0, f.count("persons"));
  }

  @Test
  void addingAnExistingIdOrChangingAMissingOneIsRefused() {
    await(f.people.add("office", wang(), null));
    refusal(f.people.add("office", wang(), null), PeopleException.Code.EXISTS);
    refusal(f.people.update("office", Person.of("R09999", "无名", PersonKind.STAFF, null)), PeopleException.Code.NOT_FOUND);
    refusal(f.people.remove("office", "R09999"), PeopleException.Code.NOT_FOUND);
    refusal(f.people.setFace("office", "R09999", PeopleFixture.jpeg(100, 6)), PeopleException.Code.NOT_FOUND);
    assertEquals(0, f.count("face_photos"));
  }

  @Test
  void householdsAreListedWithTheirPersons() {
    await(f.people.add("office", wang(), null));
    await(f.people.add("office", Person.of("R01002", "李娜", PersonKind.RESIDENT, "b03-u1-1502"), null));
    await(f.people.add("office", Person.of("R01003", "陈静", PersonKind.TENANT, "B03-U1-302"), null));
    await(f.people.add("office", Person.of("S001", "赵强", PersonKind.STAFF, null), null));

    List<HouseholdEntry> households = await(f.people.households());
    assertEquals(List.of(
        new HouseholdEntry(new Household("B03-U1-302", "B03", "U1", "302"), 1),
        new HouseholdEntry(new Household("B03-U1-1502", "B03", "U1", "1502"), 2)), households);
    assertEquals(List.of("R01001", "R01002"),
        await(f.people.household("B03-U1-1502")).stream().map(PersonEntry::id).toList());
  }

  @Test
  void householdsWrittenByOtherCodeAreListedToo() {
    await(f.store.upsertPersons(List.of(new PersonRecord("R1", "王伟", "resident", "B01-U2-1801", 0, 0, List.of()))));

    assertEquals(List.of(new HouseholdEntry(new Household("B01-U2-1801", "B01", "U2", "1801"), 1)),
        await(f.people.households()));
  }

  @Test
  void searchFindsByNameHouseholdCardAndPlate() {
    await(f.people.add("office", wang(), null));
    await(f.people.add("office", Person.of("R01002", "李娜", PersonKind.RESIDENT, "B05-U1-1203")
        .withCards(List.of(Card.parse("04C3D4E5"))), null));

    assertEquals(List.of("R01001"), ids(PersonQuery.text("王")));
    assertEquals(List.of("R01002"), ids(PersonQuery.text("b05-u1")));
    assertEquals(List.of("R01002"), ids(PersonQuery.text("04c3")));
    assertEquals(List.of("R01001"), ids(PersonQuery.text("闽C·123")));
    assertEquals(List.of("R01001", "R01002"), ids(new PersonQuery(null, PersonKind.RESIDENT, null, 10, 0)));
    assertEquals(List.of("R01002"), ids(new PersonQuery(null, null, null, 10, 1)));
    assertEquals(List.of(), ids(PersonQuery.text("100%")));
  }

  private List<String> ids(PersonQuery q) {
    return await(f.people.search(q)).stream().map(PersonEntry::id).toList();
  }

  @Test
  void theKindsAreTheFourTheRulesKnow() {
    Throwable t = PeopleFixture.failure(f.store.upsertPersons(List.of(
        new PersonRecord("X1", "某人", "guest", null, 0, 0, List.of()))));
    assertTrue(t.getMessage().contains("person kind must be"), t.getMessage());
    assertFalse(f.rows("SELECT 1 FROM persons").iterator().hasNext());
  }
}
