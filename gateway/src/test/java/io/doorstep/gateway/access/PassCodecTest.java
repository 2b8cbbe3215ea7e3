package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed QR text: genuine passes read back exactly, anything else reads as nothing. */
class PassCodecTest {
  private final PassCodec codec = AccessFixture.codec();
  private final VisitorPass pass = new VisitorPass("AbCdEfGhIjKl", List.of("G1-L1", "B01-U1"),
      1_736_118_000_000L, 1_736_161_200_000L, 3);

  @Test
  void aGenuinePassRoundTrips() {
    String text = codec.encode(pass);

    assertEquals(Optional.of(pass), codec.verify(text));
    assertTrue(text.startsWith("DS1."), text);
    assertTrue(text.matches("[A-Za-z0-9_.-]+"), "QR alphanumeric-friendly, no padding: " + text);
    assertTrue(text.length() < 200, "compact: " + text.length() + " characters");
  }

  @Test
  void aPassSignedWithAnotherKeyIsRefused() {
    byte[] other = new byte[PassKey.LENGTH];
    other[0] = 1;
    assertEquals(Optional.empty(), codec.verify(new PassCodec(other).encode(pass)));
  }

  @Test
  void anAlteredPayloadIsRefused() {
    String text = codec.encode(pass);
    assertEquals(Optional.empty(), codec.verify(withPayload(text, "B02-U1")));
    // One character of the payload changed.
    int i = PassCodec.PREFIX.length() + 5;
    String flipped = text.substring(0, i) + (text.charAt(i) == 'A' ? 'B' : 'A') + text.substring(i + 1);
    assertEquals(Optional.empty(), codec.verify(flipped));
  }

  @Test
  void anAlteredOrMissingSignatureIsRefused() {
    String text = codec.encode(pass);
    String signed = text.substring(0, text.lastIndexOf('.'));
    assertEquals(Optional.empty(), codec.verify(signed));
    assertEquals(Optional.empty(), codec.verify(signed + "."));
    assertEquals(Optional.empty(), codec.verify(signed + ".AAAA"));
    assertEquals(Optional.empty(), codec.verify(signed + ".!!not-base64!!"));
    assertEquals(Optional.empty(), codec.verify(text + "x"));
  }

  @Test
  void garbageIsRefused() {
    for (String text : new String[] {null, "", "DS1.", "DS1..", "VISITOR:123", "DS2.abc.def", "DS1.x".repeat(1000),
        "二维码"}) {
      assertEquals(Optional.empty(), codec.verify(text), String.valueOf(text));
    }
  }

  @Test
  void aGenuineSignatureOverAPayloadThisBuildCannotReadIsStillRefused() {
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"i\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.empty(), codec.verify(sign(PassCodec.PREFIX + payload)));
  }

  /** A pass text whose payload names other doors but keeps the original signature. */
  static String withPayload(String text, String door) {
    int first = text.indexOf('.');
    int last = text.lastIndexOf('.');
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(text.substring(first + 1, last)),
        StandardCharsets.UTF_8));
    payload.put("d", new JsonArray().add(door));
    String altered = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8));
    return text.substring(0, first + 1) + altered + text.substring(last);
  }

  /** Signs arbitrary text with the fixture's key, as only someone holding it could. */
  private static String sign(String signed) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      byte[] key = new byte[PassKey.LENGTH];
      for (int i = 0; i < key.length; i++) {
        key[i] = (byte) (i * 7 + 1);
      }
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return signed + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
