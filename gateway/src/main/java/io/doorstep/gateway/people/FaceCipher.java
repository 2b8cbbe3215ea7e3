package io.doorstep.gateway.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for face photos. Each photo gets a fresh random 96-bit nonce (GCM must never reuse
 * one under a key), and the person id is authenticated with it, so a ciphertext moved to another
 * person's row does not decrypt.
 */
final class FaceCipher {

  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private FaceCipher() {}

  static SealedPhoto seal(SecretKey key, String personId, byte[] jpeg) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
      byte[] ciphertext = cipher.doFinal(jpeg);
      return new SealedPhoto(nonce, ciphertext, sha256(jpeg));
    } catch (GeneralSecurityException e) {
      throw new FaceVaultException("cannot encrypt a face photo: " + e, e);
    }
  }

  static byte[] open(SecretKey key, String personId, SealedPhoto sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw new FaceVaultException("the face photo of " + personId + " does not decrypt: it was altered in the"
          + " database, or encrypted under another keys/face.key", e);
    } catch (GeneralSecurityException e) {
      throw new FaceVaultException("cannot decrypt the face photo of " + personId + ": " + e, e);
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
