package io.doorstep.gateway.access;

import static io.doorstep.gateway.access.AccessFixture.CLEANER;
import static io.doorstep.gateway.access.AccessFixture.EBIKE_GATE;
import static io.doorstep.gateway.access.AccessFixture.GATE;
import static io.doorstep.gateway.access.AccessFixture.GUARD;
import static io.doorstep.gateway.access.AccessFixture.GUEST;
import static io.doorstep.gateway.access.AccessFixture.LI;
import static io.doorstep.gateway.access.AccessFixture.NO_DOOR;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B01;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B02;
import static io.doorstep.gateway.access.AccessFixture.WANG;
import static io.doorstep.gateway.access.AccessFixture.ZHANG;
import static io.doorstep.gateway.access.AccessFixture.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which persons belong on which terminal's list: by group, whatever the hour, unless blocked. */
class GroupScopeTest {
  private final Clock monday = Clock.fixed(Instant.ofEpochMilli(ms("2025-01-06T23:00")), AccessFixture.ZONE);
  private AccessLists.Lists lists = new AccessLists.Lists(Memberships.none(), Blocklist.empty());
  private final GroupScope scope = new GroupScope(AccessFixture.rules(), () -> lists, monday);

  @Test
  void residentsBelongAtTheGatesAndTheirOwnBuildingOnly() {
    assertTrue(scope.mayUse(ZHANG, GATE));
    assertTrue(scope.mayUse(ZHANG, UNIT_B01));
    assertFalse(scope.mayUse(ZHANG, UNIT_B02));
    assertTrue(scope.mayUse(WANG, UNIT_B02), "not valid yet, but the terminal checks validity itself");
    assertTrue(scope.mayUse(ZHANG, EBIKE_GATE), "the riders group");
  }

  @Test
  void staffBelongEverywhereTheirGroupGoesEvenOutsideTheirShift() {
    assertTrue(scope.mayUse(CLEANER, UNIT_B02), "23:00 is outside the shift, but the list is for any hour");
    assertFalse(scope.mayUse(CLEANER, EBIKE_GATE));
  }

  @Test
  void visitorsAndDoorlessDevicesHaveNobody() {
    assertFalse(scope.mayUse(GUEST, GATE));
    assertFalse(scope.mayUse(ZHANG, NO_DOOR));
    lists = new AccessLists.Lists(Memberships.of(List.of(new Memberships.Member(GUEST.id(), "night-guards"))),
        Blocklist.empty());
    assertTrue(scope.mayUse(GUEST, UNIT_B01));
  }

  @Test
  void aBlockedPersonLeavesEveryListUntilTheBlockEnds() {
    lists = new AccessLists.Lists(Memberships.none(), Blocklist.of(List.of(
        new Blocklist.Entry(Blocklist.Kind.PERSON, LI.id(), LI.id(), "arrears", ms("2025-01-07T00:00")),
        new Blocklist.Entry(Blocklist.Kind.PERSON, GUARD.id(), GUARD.id(), "dismissed", ms("2025-01-06T12:00")))));
    assertFalse(scope.mayUse(LI, GATE));
    assertTrue(scope.mayUse(GUARD, GATE), "his block ended at noon");
  }

  @Test
  void aBlockedCardIsLeftOffButTheFaceStays() {
    lists = new AccessLists.Lists(Memberships.none(), Blocklist.of(List.of(
        new Blocklist.Entry(Blocklist.Kind.CARD, "05000001", CLEANER.id(), "lost", 0))));
    PersonRecord twoCards = new PersonRecord(CLEANER.id(), CLEANER.name(), "staff", null, 0, 0,
        List.of("05000001", "05000002"));
    assertTrue(scope.mayUse(twoCards, GATE));
    assertEquals(List.of("05000002"), scope.cards(twoCards));
  }

  @Test
  void aBuildingWhoseIdPrefixesAnothersIsNotConfused() {
    EstateConfig estate = AccessFixture.estate("""
        estate: {id: t, name: T}
        buildings:
          - {id: B1, name: 1栋, floors: 6, units: [U1]}
          - {id: B1-A, name: 1A栋, floors: 6, units: [U1]}
        doors:
          - {id: B1-U1, name: 1栋1单元, kind: unit-door, building: B1, unit: U1, devices: [ft-1]}
          - {id: B1-A-U1, name: 1A栋1单元, kind: unit-door, building: B1-A, unit: U1, devices: [ft-1a]}
        devices:
          - {id: ft-1, type: face-terminal, sn: FT-1, link: mqtt}
          - {id: ft-1a, type: face-terminal, sn: FT-1A, link: mqtt}
        """);
    GroupScope s = new GroupScope(AccessRules.of(estate), () -> lists, monday);
    PersonRecord inA = new PersonRecord("R1", "甲", "resident", "B1-A-U1-101", 0, 0, List.of());
    assertTrue(s.mayUse(inA, "ft-1a"));
    assertFalse(s.mayUse(inA, "ft-1"));
  }
}
