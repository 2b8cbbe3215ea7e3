package io.doorstep.gateway.access;

import static io.doorstep.gateway.access.AccessFixture.CLEANER;
import static io.doorstep.gateway.access.AccessFixture.EBIKE_GATE;
import static io.doorstep.gateway.access.AccessFixture.GATE;
import static io.doorstep.gateway.access.AccessFixture.GUARD;
import static io.doorstep.gateway.access.AccessFixture.GUEST;
import static io.doorstep.gateway.access.AccessFixture.NO_DOOR;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B01;
import static io.doorstep.gateway.access.AccessFixture.UNIT_B02;
import static io.doorstep.gateway.access.AccessFixture.ZHANG;
import static io.doorstep.gateway.access.AccessFixture.card;
import static io.doorstep.gateway.access.AccessFixture.face;
import static io.doorstep.gateway.access.AccessFixture.ms;
import static io.doorstep.gateway.access.AccessFixture.qr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.device.AccessRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every reason code, as a resident, a guard or a visitor would meet it at a door. */
class PolicyChainTest {
  private static final long MONDAY_8 = ms("2025-01-06T08:00");
  private static final Set<Reason> SEEN = EnumSet.noneOf(Reason.class);

  private final PassCodec codec = AccessFixture.codec();
  private final PolicyChain chain = PolicyChain.standard(codec);

  private Reason decide(AccessRequest request, AccessSnapshot snapshot, long at) {
    Reason reason = chain.decide(request, snapshot, at).reason();
    SEEN.add(reason);
    return reason;
  }

  private Reason decide(AccessRequest request, long at) {
    return decide(request, AccessFixture.snapshot(), at);
  }

  private String pass(List<String> doors, long from, long to, int uses) {
    return codec.encode(new VisitorPass("p-" + System.nanoTime(), doors, from, to, uses));
  }

  @AfterAll
  static void everyReasonIsCovered() {
    assertEquals(EnumSet.allOf(Reason.class), SEEN, "reasons no test reached");
  }

  @Test
  void residentsPassTheGatesAndTheirOwnBuilding() {
    assertEquals(Reason.OK, decide(face(GATE, "R1001", "in"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(UNIT_B01, "R1001", "in"), MONDAY_8));
    assertEquals(Reason.OK, decide(card(UNIT_B01, "04a1b2c3", "in"), MONDAY_8));
    assertEquals(Reason.NOT_IN_GROUP, decide(face(UNIT_B02, "R1001", "in"), MONDAY_8));
  }

  @Test
  void strangersUnknownCardsAndSpoofedFaces() {
    assertEquals(Reason.UNKNOWN_FACE, decide(face(GATE, null, "in"), MONDAY_8));
    assertEquals(Reason.UNKNOWN_FACE, decide(face(GATE, "R9999", "in"), MONDAY_8));
    assertEquals(Reason.UNKNOWN_CARD, decide(card(GATE, "DEADBEEF", "in"), MONDAY_8));
    assertEquals(Reason.LIVENESS_FAILED, decide(face(GATE, "R1001", "in", false, "pedestrian"), MONDAY_8));
  }

  @Test
  void validityWindows() {
    assertEquals(Reason.EXPIRED, decide(face(GATE, "R1002", "in"), MONDAY_8));
    assertEquals(Reason.EXPIRED, decide(card(GATE, "04A1B2C4", "in"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, "R1002", "in"), ms("2024-12-31T23:59")));
    assertEquals(Reason.NOT_YET_VALID, decide(face(GATE, "R1003", "in"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, "R1003", "in"), ms("2025-02-01T00:00")));
  }

  @Test
  void staffFollowTheirShift() {
    assertEquals(Reason.OK, decide(face(UNIT_B02, CLEANER.id(), "in"), MONDAY_8));
    assertEquals(Reason.OUT_OF_SCHEDULE, decide(face(UNIT_B02, CLEANER.id(), "in"), ms("2025-01-06T19:00")));
    assertEquals(Reason.OUT_OF_SCHEDULE, decide(face(GATE, CLEANER.id(), "in"), ms("2025-01-01T08:00")));
  }

  @Test
  void extraGroupsComeFromTheMembersTable() {
    AccessSnapshot guardOnNights = AccessFixture.snapshot(
        Memberships.of(List.of(new Memberships.Member(GUARD.id(), "night-guards"))), Blocklist.empty(),
        new PassbackState(), new PassUsage());
    // The staff shift ended at 19:00; the night group keeps the unit doors open to him.
    assertEquals(Reason.OK, decide(face(UNIT_B02, GUARD.id(), "in"), guardOnNights, ms("2025-01-06T23:00")));
    assertEquals(Reason.OUT_OF_SCHEDULE, decide(face(GATE, GUARD.id(), "in"), guardOnNights, ms("2025-01-06T23:00")));
    assertEquals(Reason.NOT_IN_GROUP, decide(face(GATE, GUEST.id(), "in"), guardOnNights, MONDAY_8));
  }

  @Test
  void aDeviceWithoutADoorAdmitsNobody() {
    assertEquals(Reason.NOT_IN_GROUP, decide(face(NO_DOOR, "R1001", "in"), MONDAY_8));
  }

  @Test
  void blockedPersonsAndCardsAreRefusedBeforeAnythingElse() {
    Blocklist blocks = Blocklist.of(List.of(
        new Blocklist.Entry(Blocklist.Kind.PERSON, "R1002", "R1002", "arrears", 0),
        new Blocklist.Entry(Blocklist.Kind.CARD, "05000001", CLEANER.id(), "lost", ms("2025-01-07T00:00"))));
    AccessSnapshot s = AccessFixture.snapshot(Memberships.none(), blocks, new PassbackState(), new PassUsage());

    assertEquals(Reason.BLOCKED, decide(face(GATE, "R1002", "in"), s, MONDAY_8), "blocked before expired");
    assertEquals(Reason.BLOCKED, decide(card(GATE, "05000001", "in"), s, MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, CLEANER.id(), "in"), s, MONDAY_8), "the owner's face still works");
    assertEquals(Reason.OK, decide(card(GATE, "05000001", "in"), s, ms("2025-01-07T08:00")), "the block ended");
  }

  @Test
  void ebikesAreSentToTheEbikeGate() {
    assertEquals(Reason.EBIKE_NOT_ALLOWED, decide(face(GATE, "R1001", "in", true, "ebike"), MONDAY_8));
    assertEquals(Reason.EBIKE_NOT_ALLOWED, decide(face(UNIT_B01, "R1001", "in", true, "ebike"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(EBIKE_GATE, "R1001", "in", true, "ebike"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, "R1001", "in", true, "bicycle"), MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, "R1001", "in", true, "stroller"), MONDAY_8));
  }

  @Test
  void passbackIsTheLastRule() {
    PassbackState state = new PassbackState();
    state.record(new PassbackState.Passage("south-gate", ZHANG.id(), "in", MONDAY_8 - 60_000));
    AccessSnapshot s = AccessFixture.snapshot(Memberships.none(), Blocklist.empty(), state, new PassUsage());

    assertEquals(Reason.PASSBACK, decide(face(GATE, "R1001", "in"), s, MONDAY_8));
    assertEquals(Reason.OK, decide(face(GATE, "R1001", "out"), s, MONDAY_8));
    assertEquals(Reason.EBIKE_NOT_ALLOWED, decide(face(GATE, "R1001", "in", true, "ebike"), s, MONDAY_8));
  }

  @Test
  void visitorPasses() {
    long from = ms("2025-01-06T07:00");
    long to = ms("2025-01-06T19:00");
    String gateOnly = pass(List.of("G1-L1"), from, to, 2);

    assertEquals(Reason.OK, decide(qr(GATE, gateOnly, "in"), MONDAY_8));
    assertEquals(Reason.QR_WRONG_DOOR, decide(qr(UNIT_B01, gateOnly, "in"), MONDAY_8));
    assertEquals(Reason.NOT_YET_VALID, decide(qr(GATE, gateOnly, "in"), from - 1));
    assertEquals(Reason.QR_EXPIRED, decide(qr(GATE, gateOnly, "in"), to));
    assertEquals(Reason.EBIKE_NOT_ALLOWED, decide(new AccessRequest("r", 0, GATE, "in",
        io.doorstep.device.CredentialMethod.QR, null, null, gateOnly, null, null, "ebike"), MONDAY_8));
  }

  @Test
  void aPassIsUsedUpAfterItsUses() {
    VisitorPass pass = new VisitorPass("p-uses", List.of("G1-L1"), 0, Long.MAX_VALUE, 2);
    PassUsage usage = new PassUsage();
    AccessSnapshot s = AccessFixture.snapshot(Memberships.none(), Blocklist.empty(), new PassbackState(), usage);
    String text = codec.encode(pass);

    usage.use(pass.id());
    assertEquals(Reason.OK, decide(qr(GATE, text, "in"), s, MONDAY_8));
    usage.use(pass.id());
    assertEquals(Reason.QR_USED_UP, decide(qr(GATE, text, "in"), s, MONDAY_8));
    assertEquals(Reason.OK, decide(qr(GATE, codec.encode(new VisitorPass("p-any", List.of("G1-L1"), 0, Long.MAX_VALUE,
        0)), "in"), s, MONDAY_8), "0 uses: any number");
  }

  @Test
  void aRevokedPassIsRefusedWhateverItsWindowAndUses() {
    VisitorPass pass = new VisitorPass("p-revoked", List.of("G1-L1"), 0, Long.MAX_VALUE, 0);
    VisitorPass other = new VisitorPass("p-kept", List.of("G1-L1"), 0, Long.MAX_VALUE, 0);
    AccessSnapshot s = AccessFixture.snapshot(Memberships.none(), Blocklist.empty(), new PassbackState(),
        new PassUsage(), AccessFixture.revoked("p-revoked"));

    assertEquals(Reason.QR_REVOKED, decide(qr(GATE, codec.encode(pass), "in"), s, MONDAY_8));
    assertEquals(Reason.QR_REVOKED, decide(qr(UNIT_B01, codec.encode(pass), "in"), s, MONDAY_8),
        "revoked is said before wrong door: it is the reason the office gave");
    assertEquals(Reason.OK, decide(qr(GATE, codec.encode(other), "in"), s, MONDAY_8));
  }

  @Test
  void forgedAlteredAndForeignCodesAreInvalid() {
    String genuine = pass(List.of("G1-L1"), 0, Long.MAX_VALUE, 1);
    PassCodec otherKey = new PassCodec(new byte[PassKey.LENGTH]);
    String forged = otherKey.encode(new VisitorPass("p-forged", List.of("G1-L1"), 0, Long.MAX_VALUE, 0));

    assertEquals(Reason.QR_INVALID, decide(qr(GATE, forged, "in"), MONDAY_8));
    assertEquals(Reason.QR_INVALID, decide(qr(GATE, PassCodecTest.withPayload(genuine, "B01-U1"), "in"), MONDAY_8));
    assertEquals(Reason.QR_INVALID, decide(qr(GATE, "https://example.com/pay", "in"), MONDAY_8));
    assertEquals(Reason.QR_INVALID, decide(qr(GATE, null, "in"), MONDAY_8));
  }
}
