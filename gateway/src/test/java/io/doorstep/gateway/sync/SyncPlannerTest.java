package io.doorstep.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.store.PersonRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {
  private static final long NOW = 1_750_000_000_000L;
  private static final Predicate<PersonRecord> EVERYONE = p -> true;

  @Test
  void givenAnEmptyTerminalThenEveryAllowedPersonIsSentInIdOrder() {
    SyncPerson ann = person("R1", "Ann");
    SyncPerson bob = person("R2", "Bob");
    SyncPlan plan = SyncPlanner.plan(List.of(ann, bob), Map.of(), EVERYONE, NOW);
    assertEquals(List.of(ann, bob), plan.upserts());
    assertTrue(plan.deletes().isEmpty());
    assertEquals(2, plan.pending());
  }

  @Test
  void givenATerminalHoldingTheSameEntriesThenNothingIsSent() {
    SyncPerson ann = person("R1", "Ann");
    SyncPlan plan = SyncPlanner.plan(List.of(ann), Map.of("R1", KnownEntry.ok(ann.digest())), EVERYONE, NOW);
    assertEquals(0, plan.pending());
  }

  @Test
  void givenAChangedEntryThenOnlyThatPersonIsSent() {
    SyncPerson ann = person("R1", "Ann");
    SyncPerson bob = person("R2", "Bob");
    SyncPerson renamed = person("R2", "Robert");
    SyncPlan plan = SyncPlanner.plan(List.of(ann, renamed),
        Map.of("R1", KnownEntry.ok(ann.digest()), "R2", KnownEntry.ok(bob.digest())), EVERYONE, NOW);
    assertEquals(List.of(renamed), plan.upserts());
  }

  @Test
  void givenAPersonNoLongerInTheEstateThenTheTerminalDeletesThem() {
    SyncPlan plan = SyncPlanner.plan(List.of(), Map.of("R9", KnownEntry.ok("d")), EVERYONE, NOW);
    assertEquals(List.of("R9"), plan.deletes());
  }

  @Test
  void givenAPersonOutsideTheTerminalsScopeThenTheyAreDeletedOrNeverSent() {
    SyncPerson held = person("R1", "Ann");
    SyncPerson newcomer = person("R2", "Bob");
    SyncPlan plan = SyncPlanner.plan(List.of(held, newcomer), Map.of("R1", KnownEntry.ok(held.digest())),
        p -> false, NOW);
    assertEquals(List.of("R1"), plan.deletes());
    assertTrue(plan.upserts().isEmpty());
  }

  @Test
  void givenExpiredAndFuturePersonsThenTheExpiredGoAndTheFutureAreSent() {
    SyncPerson expired = SyncPerson.withFace(record("R1", "Ann", 0, NOW - 1), null);
    SyncPerson future = SyncPerson.withFace(record("R2", "Bob", NOW + 86_400_000, NOW + 2 * 86_400_000), null);
    SyncPerson endsNow = SyncPerson.withFace(record("R3", "Cat", 0, NOW), null);
    SyncPlan plan = SyncPlanner.plan(List.of(expired, future, endsNow),
        Map.of("R1", KnownEntry.ok(expired.digest())), EVERYONE, NOW);
    assertEquals(List.of("R1"), plan.deletes());
    assertEquals(List.of(future, endsNow), plan.upserts());
  }

  @Test
  void givenARefusedPersonThenTheyAreNotSentAgainUntilTheirDataChanges() {
    SyncPerson ann = person("R1", "Ann");
    Map<String, KnownEntry> refused = Map.of("R1", KnownEntry.refusedNew(ann.digest(), "BAD_IMAGE"));
    assertEquals(0, SyncPlanner.plan(List.of(ann), refused, EVERYONE, NOW).pending());

    SyncPerson fixed = SyncPerson.withFace(ann.person(), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
    assertEquals(List.of(fixed), SyncPlanner.plan(List.of(fixed), refused, EVERYONE, NOW).upserts());
  }

  @Test
  void givenARefusedPersonNoLongerWantedThenOnlyHeldOnesAreDeletedAndTheRestForgotten() {
    Map<String, KnownEntry> known = Map.of(
        "R1", KnownEntry.refusedNew("d1", "LIST_FULL"),
        "R2", KnownEntry.ok("d0").refused("d2", "NO_FACE_FOUND"));
    SyncPlan plan = SyncPlanner.plan(List.of(), known, EVERYONE, NOW);
    assertEquals(List.of("R2"), plan.deletes());
    assertEquals(List.of("R1"), plan.forget());
  }

  @Test
  void givenAnUnreadablePhotoThenThePersonIsNeitherSentNorDeleted() {
    SyncPerson unreadable = SyncPerson.unreadable(record("R1", "Ann", 0, 0));
    assertEquals(0, SyncPlanner.plan(List.of(unreadable), Map.of(), EVERYONE, NOW).pending());
    assertEquals(0, SyncPlanner.plan(List.of(unreadable), Map.of("R1", KnownEntry.ok("d")), EVERYONE, NOW).pending());
  }

  static SyncPerson person(String id, String name) {
    return SyncPerson.withFace(record(id, name, 0, 0), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
  }

  static PersonRecord record(String id, String name, long from, long to) {
    return new PersonRecord(id, name, "resident", "B01-U1-101", from, to, List.of("04A1B2C3"));
  }
}
