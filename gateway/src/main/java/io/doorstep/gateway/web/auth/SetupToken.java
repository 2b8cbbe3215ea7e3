package io.doorstep.gateway.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time secret in the set-up link that creates the first admin. Only its SHA-256 is
 * kept, in memory: it is valid until used or until the gateway restarts (which prints a new one
 * while there is still no user). 256 random bits: guessing it is hopeless, so it needs no throttle.
 */
final class SetupToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private byte[] hash;

  /** A new token; any earlier one stops working. */
  synchronized String issue() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    hash = sha256(token);
    return token;
  }

  /** Whether token is the current one; compared in constant time. */
  synchronized boolean matches(String token) {
    return hash != null && token != null && MessageDigest.isEqual(hash, sha256(token));
  }

  /** Whether token is the current one, which it then stops being: a link creates one admin, once. */
  synchronized boolean take(String token) {
    if (!matches(token)) {
      return false;
    }
    hash = null;
    return true;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
