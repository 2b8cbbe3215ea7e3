package io.doorstep.gateway.access;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The QR text of a visitor pass: {@code DS1.<payload>.<signature>}, both base64url without
 * padding; the payload is compact JSON ({@code i} id, {@code d} doors, {@code f}/{@code t}
 * validity in Unix ms, {@code u} uses), the signature HMAC-SHA256 over {@code DS1.<payload>}.
 *
 * <p>{@link #verify} checks the signature before it reads anything else, in memory and in
 * constant time, so a forged or altered code costs one HMAC and never a database look-up.
 */
public final class PassCodec {
  static final String PREFIX = "DS1.";
  /** Far above any real pass; bounds the work an absurd QR text can cause. */
  static final int MAX_LENGTH = 2048;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public PassCodec(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public String encode(VisitorPass pass) {
    JsonObject payload = new JsonObject()
        .put("i", pass.id())
        .put("d", new JsonArray(new ArrayList<>(pass.doors())))
        .put("f", pass.validFrom())
        .put("t", pass.validTo())
        .put("u", pass.uses());
    String signed = PREFIX + ENCODER.encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8));
    return signed + "." + ENCODER.encodeToString(sign(signed));
  }

  /** The pass, or empty for anything not signed with this key, whatever it looks like. */
  public Optional<VisitorPass> verify(String text) {
    if (text == null || text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int cut = text.lastIndexOf('.');
    if (cut < PREFIX.length()) {
      return Optional.empty();
    }
    String signed = text.substring(0, cut);
    byte[] signature;
    try {
      signature = DECODER.decode(text.substring(cut + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(signature, sign(signed))) {
      return Optional.empty();
    }
    return decode(signed.substring(PREFIX.length()));
  }

  /** Only ever reached with a genuine signature; a payload this build cannot read is still refused. */
  private static Optional<VisitorPass> decode(String payload) {
    try {
      JsonObject json = new JsonObject(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
      List<String> doors = new ArrayList<>();
      json.getJsonArray("d").forEach(d -> doors.add((String) d));
      return Optional.of(new VisitorPass(json.getString("i"), doors, json.getLong("f"), json.getLong("t"),
          json.getInteger("u")));
    } catch (IllegalArgumentException | DecodeException | ClassCastException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String text) {
    return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java 17 runtime", e);
    }
  }
}
