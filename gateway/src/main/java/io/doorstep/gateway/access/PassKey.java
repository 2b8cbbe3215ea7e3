package io.doorstep.gateway.access;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs visitor passes: 32 random bytes in {@code <dataDir>/keys/qr.key},
 * created on first use readable by the service user only. Whoever reads it can forge passes, so
 * it never leaves the file; deleting it invalidates every pass issued so far.
 */
public final class PassKey {
  private static final Logger log = LoggerFactory.getLogger(PassKey.class);
  static final int LENGTH = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private PassKey() {}

  public static Path file(Path dataDir) {
    return dataDir.resolve("keys").resolve("qr.key");
  }

  /** Reads the key, creating it first when there is none. Blocking: call at start-up. */
  public static byte[] loadOrCreate(Path dataDir) throws IOException {
    Path file = file(dataDir);
    if (!Files.exists(file)) {
      create(file);
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != LENGTH) {
      throw new IOException(file + " holds " + key.length + " bytes, not the " + LENGTH + " of a pass key; "
          + "restore it from a backup, or delete it to make a new one (every visitor pass issued so far stops working)");
    }
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      log.warn("{} is readable by others than its owner: anyone who reads it can forge visitor passes (chmod 600 it)",
          file);
    }
    return key;
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent(), posix() ? new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(OWNER_DIR)} : new FileAttribute<?>[0]);
    byte[] key = new byte[LENGTH];
    new SecureRandom().nextBytes(key);
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temp);
    // Created with its final permissions, so the key is never readable by others, not even for an instant.
    if (posix()) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(temp);
    }
    Files.write(temp, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    try {
      // No replace: if two processes race, the first key wins and both read it.
      Files.move(temp, file);
      log.info("created the visitor pass key {}", file);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
