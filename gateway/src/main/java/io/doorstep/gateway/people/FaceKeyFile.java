package io.doorstep.gateway.people;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key of the face photos: 32 random bytes in {@code <dataDir>/keys/face.key}, apart
 * from the database, so a copied database file alone reveals no face. Only the service user may
 * read it (PIPL: sensitive personal information).
 */
final class FaceKeyFile {

  private static final Logger LOG = LoggerFactory.getLogger(FaceKeyFile.class);

  static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private final Path file;

  FaceKeyFile(Path dataDir) {
    this.file = dataDir.resolve("keys").resolve("face.key").toAbsolutePath();
  }

  Path path() {
    return file;
  }

  /**
   * Reads the key, creating it when there is none and {@code mayCreate}. Blocking.
   *
   * @param mayCreate false when photos are stored already: a new key could not read them, so a
   *     missing key is an operator's problem to solve, not one to paper over
   */
  SecretKey load(boolean mayCreate) {
    try {
      if (!Files.exists(file)) {
        if (!mayCreate) {
          throw new FaceVaultException("the face photo key " + file + " is missing, but the database holds encrypted"
              + " face photos: restore the key file from the backup taken with the database (without it the photos"
              + " cannot be read)");
        }
        create();
      }
      refuseIfShared();
      byte[] raw = Files.readAllBytes(file);
      if (raw.length != KEY_BYTES) {
        throw new FaceVaultException("the face photo key " + file + " holds " + raw.length + " bytes, not "
            + KEY_BYTES + ": it is not a Doorstep key; restore the right file from the backup");
      }
      SecretKey key = new SecretKeySpec(raw, "AES");
      Arrays.fill(raw, (byte) 0);
      return key;
    } catch (IOException e) {
      throw new FaceVaultException("cannot read the face photo key " + file + ": " + e, e);
    }
  }

  private void refuseIfShared() throws IOException {
    if (!posix()) {
      // No POSIX permissions to check (not Linux); the installer's data directory is private.
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> shared = EnumSet.noneOf(PosixFilePermission.class);
    shared.addAll(perms);
    shared.removeAll(OWNER_DIRECTORY);
    if (!shared.isEmpty()) {
      throw new FaceVaultException("the face photo key " + file + " may be used by group or others ("
          + PosixFilePermissions.toString(perms) + "): it protects residents' faces, so only the service user may"
          + " read it; run `chmod 600 " + file + "` as that user and start again");
    }
  }

  private void create() throws IOException {
    Path dir = file.getParent();
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    // Written whole under another name, then renamed: a crash never leaves a short key behind.
    Path fresh = dir.resolve(file.getFileName() + ".new");
    try {
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        Files.deleteIfExists(fresh);
        try (FileChannel ch = FileChannel.open(fresh, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
          write(ch, key);
        }
      } else {
        Files.createDirectories(dir);
        Files.deleteIfExists(fresh);
        try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          write(ch, key);
        }
      }
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dir);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    LOG.info("created the face photo key {}; back it up with the database, the photos cannot be read without it", file);
  }

  private static void write(FileChannel ch, byte[] key) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    while (buffer.hasRemaining()) {
      ch.write(buffer);
    }
    ch.force(true);
  }

  /** Makes the rename itself durable; a file system that cannot sync a directory has nothing to lose. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // Not supported everywhere; the key file itself is already synced.
    }
  }

  private boolean posix() {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
