package io.doorstep.gateway.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pass key: made once, readable by its owner only, and kept across restarts. */
class PassKeyTest {
  @TempDir
  Path dataDir;

  @Test
  void theFirstUseCreatesAnOwnerOnlyKeyAndLaterUsesReadIt() throws IOException {
    byte[] first = PassKey.loadOrCreate(dataDir);
    byte[] again = PassKey.loadOrCreate(dataDir);

    Path file = dataDir.resolve("keys/qr.key");
    assertEquals(PassKey.file(dataDir), file);
    assertEquals(PassKey.LENGTH, first.length);
    assertArrayEquals(first, again);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void passesIssuedBeforeARestartStillVerify() throws IOException {
    VisitorPass pass = new VisitorPass("p1", java.util.List.of("G1-L1"), 0, 1, 1);
    String text = new PassCodec(PassKey.loadOrCreate(dataDir)).encode(pass);

    assertEquals(java.util.Optional.of(pass), new PassCodec(PassKey.loadOrCreate(dataDir)).verify(text));
  }

  @Test
  void aDamagedKeyStopsTheStartWithAMessage() throws IOException {
    Files.createDirectories(dataDir.resolve("keys"));
    Files.write(dataDir.resolve("keys/qr.key"), new byte[] {1, 2, 3});

    IOException e = assertThrows(IOException.class, () -> PassKey.loadOrCreate(dataDir));
    assertTrue(e.getMessage().contains("holds 3 bytes"), e.getMessage());
  }
}
