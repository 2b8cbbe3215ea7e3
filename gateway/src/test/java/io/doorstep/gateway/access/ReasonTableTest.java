package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.AccessDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one table of reasons, and the answer a terminal gets from it. */
class ReasonTableTest {

  @Test
  void everyReasonSpeaksAndReadsInBothLanguages() {
    for (Reason r : Reason.values()) {
      assertFalse(r.voice().isBlank(), r + " voice");
      assertFalse(r.text(null).isBlank(), r + " text");
      assertFalse(r.textEn(null).isBlank(), r + " English text");
      assertFalse(r.textEn(null).endsWith(","), r + " English text without a name");
      assertEquals(r == Reason.OK, r.opens(), r + " opens");
    }
  }

  @Test
  void theTextsResidentsKnowStayTheSame() {
    assertEquals("欢迎回家", Reason.OK.voice());
    assertEquals("张三 欢迎回家", Reason.OK.text("张三"));
    assertEquals("Welcome home, 张三", Reason.OK.textEn("张三"));
    assertEquals("未登记人员，请联系门岗", Reason.UNKNOWN_FACE.voice());
    assertEquals("李四 权限已过期", Reason.EXPIRED.text("李四"));
    assertEquals("电动车请走非机动车通道", Reason.EBIKE_NOT_ALLOWED.voice());
  }

  @Test
  void theDecisionCarriesTheTablesVoiceAndText() {
    Verdict ok = new Verdict(Reason.OK, AccessFixture.ZHANG, null);
    AccessDecision open = AccessVerticle.toDecision(ok, 3000);
    assertTrue(open.open());
    assertEquals("欢迎回家", open.voice());
    assertEquals("张三 欢迎回家", open.text());
    assertEquals(3000, open.openMs());
    assertEquals("R1001", open.personId());

    AccessDecision deny = AccessVerticle.toDecision(new Verdict(Reason.UNKNOWN_FACE, null, null), 3000);
    assertEquals("UNKNOWN_FACE", deny.reason());
    assertEquals(0, deny.openMs());
    assertNull(deny.personId());

    AccessDecision visitor = AccessVerticle.toDecision(
        new Verdict(Reason.OK, null, new VisitorPass("p", List.of("G1-L1"), 0, 1, 1)), 3000);
    assertEquals("欢迎回家", visitor.text(), "no name on a pass");
  }
}
