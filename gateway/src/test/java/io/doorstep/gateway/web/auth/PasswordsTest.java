package io.doorstep.gateway.web.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aHashIsArgon2idWithItsParametersAndMatchesOnlyItsPassword() {
    String hash = Passwords.hash("门卫室的密码 2024");

    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertFalse(hash.contains("门卫室"), hash);
    assertTrue(Passwords.matches("门卫室的密码 2024", hash));
    assertFalse(Passwords.matches("门卫室的密码 2025", hash));
    assertFalse(Passwords.matches("", hash));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(Passwords.hash("same password"), Passwords.hash("same password"));
  }

  @Test
  void aMissingOrMangledHashMatchesNothing() {
    assertFalse(Passwords.matches("anything at all", null));
    assertFalse(Passwords.matches("anything at all", "plain text"));
    assertFalse(Passwords.matches("anything at all", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA"));
  }

  @Test
  void aNewPasswordNeedsTenToTwoHundredCharacters() {
    assertNotNull(Passwords.problem(null));
    assertNotNull(Passwords.problem("123456789"));
    assertNull(Passwords.problem("1234567890"));
    assertNull(Passwords.problem("十个汉字的密码真安全啊"));
    assertNotNull(Passwords.problem("x".repeat(201)));
  }
}
