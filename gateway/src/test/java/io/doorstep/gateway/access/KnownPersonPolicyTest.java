package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CredentialMethod;
import io.doorstep.gateway.store.PersonRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownPersonPolicyTest {
  private static final long NOW = 1_734_572_000_000L;
  private static final long DAY = 86_400_000L;
  private final PersonDirectory directory = PersonDirectory.of(List.of(
      new PersonRecord("R1", "张三", "resident", "B01-U1-101", 0, 0, List.of("04A1B2C3")),
      new PersonRecord("R2", "李四", "tenant", "B01-U1-102", 0, NOW - DAY, List.of("04A1B2C4")),
      new PersonRecord("R3", "王五", "tenant", "B01-U1-103", NOW + DAY, 0, List.of()),
      new PersonRecord("R4", "赵六", "tenant", "B01-U1-104", NOW - DAY, NOW + DAY, List.of())));
  private final KnownPersonPolicy policy = new KnownPersonPolicy();

  private Reason face(String personId, Boolean liveness) {
    return policy.decide(new AccessRequest("r", NOW, "ft", "in", CredentialMethod.FACE, personId, null, null, 0.9,
        liveness, "pedestrian"), directory, NOW).reason();
  }

  private Reason card(String uid, String claimedOwner) {
    return policy.decide(new AccessRequest("r", NOW, "ft", "in", CredentialMethod.CARD, claimedOwner, uid, null, null,
        null, "pedestrian"), directory, NOW).reason();
  }

  @Test
  void faces() {
    assertEquals(Reason.OK, face("R1", true));
    assertEquals(Reason.OK, face("R1", null));
    assertEquals(Reason.OK, face("R4", true));
    assertEquals(Reason.UNKNOWN_FACE, face(null, true));
    assertEquals(Reason.UNKNOWN_FACE, face("R999", true));
    assertEquals(Reason.LIVENESS_FAILED, face("R1", false));
    assertEquals(Reason.EXPIRED, face("R2", true));
    assertEquals(Reason.NOT_YET_VALID, face("R3", true));
  }

  @Test
  void cardsAreLookedUpByTheGatewayNotTakenFromTheTerminal() {
    assertEquals(Reason.OK, card("04a1b2c3", null));
    assertEquals(Reason.UNKNOWN_CARD, card("DEADBEEF", "R1"));
    assertEquals(Reason.EXPIRED, card("04A1B2C4", "R1"));
  }

  @Test
  void validityEndsExactlyAtValidTo() {
    PersonDirectory d = PersonDirectory.of(List.of(new PersonRecord("R", "n", "tenant", null, 0, NOW, List.of())));
    AccessRequest r = new AccessRequest("r", NOW, "ft", "in", CredentialMethod.FACE, "R", null, null, 0.9, true, "pedestrian");
    assertEquals(Reason.OK, policy.decide(r, d, NOW - 1).reason());
    assertEquals(Reason.EXPIRED, policy.decide(r, d, NOW).reason());
  }

  @Test
  void qrCodesAreRefused() {
    AccessRequest r = new AccessRequest("r", NOW, "ft", "in", CredentialMethod.QR, null, null, "V:1", null, null, "pedestrian");
    assertEquals(Reason.QR_INVALID, policy.decide(r, directory, NOW).reason());
  }

  @Test
  void theDecisionCarriesTheTablesVoiceAndText() {
    AccessDecision open = AccessVerticle.toDecision(new AccessPolicy.Verdict(Reason.OK, directory.byId("R1").orElseThrow()));
    assertEquals("欢迎回家", open.voice());
    assertEquals("张三 欢迎回家", open.text());
    assertEquals(3000, open.openMs());
    AccessDecision deny = AccessVerticle.toDecision(new AccessPolicy.Verdict(Reason.UNKNOWN_FACE, null));
    assertEquals("UNKNOWN_FACE", deny.reason());
    assertEquals(0, deny.openMs());
    assertNull(deny.personId());
  }
}
