package io.doorstep.gateway.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}),
 * so the parameters travel with each hash and can be raised later without locking anyone out.
 *
 * <p>Sized for a Raspberry Pi 4 with the gateway's 160 MiB heap: 19 MiB of memory, 2 passes, one
 * lane (the OWASP minimum for Argon2id) takes about 0.1–0.2 s there, slow enough to make guessing
 * expensive, and two hashes at once still fit beside everything else. Hashing blocks: call it on
 * a worker, never on an event loop.
 */
public final class Passwords {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_IN = Base64.getDecoder();

  /** Checked against when a name is unknown, so a refusal takes as long whether or not the user exists. */
  private static final String DECOY = hash("decoy password that matches nothing");

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /**
   * Whether password matches the stored hash; compared in constant time. A null or malformed
   * hash matches nothing but still costs a hash, so timing does not tell a missing user apart.
   */
  public static boolean matches(String password, String stored) {
    Matcher m = stored == null ? null : PHC.matcher(stored);
    if (m == null || !m.matches()) {
      matches(password, DECOY);
      return false;
    }
    byte[] salt = B64_IN.decode(m.group(4));
    byte[] expected = B64_IN.decode(m.group(5));
    byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** The problem with a new password, or null when it is acceptable. */
  public static String problem(String password) {
    if (password == null || password.isEmpty()) {
      return "a password is required";
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return "at least " + MIN_LENGTH + " characters";
    }
    if (length > MAX_LENGTH) {
      return "at most " + MAX_LENGTH + " characters";
    }
    return null;
  }

  private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
