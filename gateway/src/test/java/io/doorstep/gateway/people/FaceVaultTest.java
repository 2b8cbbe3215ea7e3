package io.doorstep.gateway.people;

import static io.doorstep.gateway.people.PeopleFixture.await;
import static io.doorstep.gateway.people.PeopleFixture.failure;
import static io.doorstep.gateway.people.PeopleFixture.refusal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceVaultTest {

  @TempDir Path dir;
  private PeopleFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new PeopleFixture(dir);
    await(f.people.add("office", Person.of("R01001", "王伟", PersonKind.RESIDENT, "B03-U1-1502"), null));
    await(f.people.add("office", Person.of("R01002", "李娜", PersonKind.RESIDENT, "B03-U1-1502"), null));
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aPhotoComesBackAsItWentIn() {
    byte[] photo = PeopleFixture.jpeg(FaceVault.MAX_PHOTO_BYTES, 1);
    await(f.people.setFace("office", "R01001", photo));

    assertArrayEquals(photo, await(f.faces.photo("R01001")).orElseThrow());
    assertEquals(Optional.empty(), await(f.faces.photo("R01002")));
    assertEquals(Optional.of(FaceCipher.sha256(photo)), await(f.faces.digest("R01001")));
  }

  @Test
  void theDatabaseHoldsNoPlainPhoto() {
    byte[] photo = PeopleFixture.jpeg(5_000, 2);
    await(f.people.setFace("office", "R01001", photo));

    byte[] stored = await(f.store.read(c -> FaceRows.find(c, "R01001"))).orElseThrow().ciphertext();
    assertNotEquals(new String(photo, StandardCharsets.ISO_8859_1).substring(0, 64),
        new String(stored, StandardCharsets.ISO_8859_1).substring(0, 64));
    assertFalse(new String(stored, StandardCharsets.ISO_8859_1)
        .contains(new String(photo, 100, 32, StandardCharsets.ISO_8859_1)));
  }

  @Test
  void eachPhotoGetsItsOwnNonce() {
    byte[] photo = PeopleFixture.jpeg(1000, 3);
    await(f.people.setFace("office", "R01001", photo));
    await(f.people.setFace("office", "R01002", photo));

    List<List<String>> nonces = f.rows("SELECT hex(nonce) FROM face_photos");
    assertEquals(2, nonces.size());
    assertNotEquals(nonces.get(0), nonces.get(1));
  }

  @Test
  void aTamperedCiphertextIsRefused() {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 4)));
    SealedPhoto stored = await(f.store.read(c -> FaceRows.find(c, "R01001"))).orElseThrow();
    byte[] flipped = stored.ciphertext().clone();
    flipped[flipped.length / 2] ^= 1;
    await(f.store.write(c -> {
      try (var ps = c.prepareStatement("UPDATE face_photos SET ciphertext = ? WHERE person_id = 'R01001'")) {
        ps.setBytes(1, flipped);
        ps.executeUpdate();
      }
      return null;
    }));

    Throwable t = failure(f.faces.photo("R01001"));
    assertTrue(t instanceof FaceVaultException, t.toString());
    assertTrue(t.getMessage().contains("does not decrypt"), t.getMessage());
  }

  @Test
  void aPhotoMovedToAnotherPersonDoesNotDecrypt() {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 5)));
    await(f.store.write(c -> {
      try (var s = c.createStatement()) {
        s.executeUpdate("INSERT INTO face_photos SELECT 'R01002', nonce, ciphertext, sha256, updated_ts"
            + " FROM face_photos WHERE person_id = 'R01001'");
      }
      return null;
    }));
    assertTrue(failure(f.faces.photo("R01002")) instanceof FaceVaultException);
  }

  @Test
  void theKeyFileIsCreatedForTheServiceUserOnly() throws Exception {
    Path key = dir.resolve("keys/face.key");
    assertFalse(Files.exists(key), "no key before the first photo");

    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 6)));

    assertEquals(key.toAbsolutePath(), f.faces.keyFile());
    assertEquals(32, Files.size(key));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    await(f.faces.unlock());
    Path key = dir.resolve("keys/face.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    FaceVault reopened = new FaceVault(f.vertx, f.store, dir);
    Throwable t = failure(reopened.unlock());

    assertTrue(t instanceof FaceVaultException, t.toString());
    assertTrue(t.getMessage().contains("chmod 600"), t.getMessage());
    assertTrue(failure(reopened.photo("R01001")) instanceof FaceVaultException);
  }

  @Test
  void aMissingKeyIsNotReplacedWhilePhotosNeedIt() throws Exception {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 7)));
    Files.delete(dir.resolve("keys/face.key"));

    Throwable t = failure(new FaceVault(f.vertx, f.store, dir).photo("R01001"));

    assertTrue(t.getMessage().contains("restore the key file"), t.getMessage());
    assertFalse(Files.exists(dir.resolve("keys/face.key")));
  }

  @Test
  void anotherKeyCannotReadThePhotos() throws Exception {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 8)));
    Path key = dir.resolve("keys/face.key");
    byte[] other = Files.readAllBytes(key);
    other[0] ^= 1;
    Files.write(key, other);

    assertTrue(failure(new FaceVault(f.vertx, f.store, dir).photo("R01001")) instanceof FaceVaultException);
  }

  @Test
  void onlyJpegsUpToTwoMebibytesAreTaken() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    assertTrue(refusal(f.people.setFace("office", "R01001", png), PeopleException.Code.INVALID)
        .getMessage().contains("not a JPEG"));
    refusal(f.people.setFace("office", "R01001", new byte[0]), PeopleException.Code.INVALID);
    refusal(f.people.setFace("office", "R01001", PeopleFixture.jpeg(FaceVault.MAX_PHOTO_BYTES + 1, 9)),
        PeopleException.Code.INVALID);
    assertEquals(0, f.count("face_photos"));
  }

  @Test
  void nothingAboutAPhotoReachesTheLog() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    root.addAppender(log);
    ch.qos.logback.classic.Level level = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.ALL);
    byte[] photo = PeopleFixture.jpeg(1000, 12);
    try {
      await(f.people.setFace("office", "R01001", photo));
      await(f.faces.photo("R01001"));
      await(f.people.removeFace("office", "R01001"));
    } finally {
      root.detachAppender(log);
      root.setLevel(level);
    }
    String digest = FaceCipher.sha256(photo);
    String base64 = java.util.Base64.getEncoder().encodeToString(photo).substring(0, 16);
    for (var event : log.list) {
      String line = event.getFormattedMessage();
      assertFalse(line.contains(digest) || line.contains(base64) || line.contains("1000"), line);
    }
  }

  @Test
  void thePhotoGoesWithThePerson() {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 10)));
    await(f.people.remove("office", "R01001"));

    assertEquals(0, f.count("face_photos"));
    assertEquals(Optional.empty(), await(f.faces.photo("R01001")));
  }

  @Test
  void aPhotoCanBeRemovedAlone() {
    await(f.people.setFace("office", "R01001", PeopleFixture.jpeg(1000, 11)));
    PersonEntry after = await(f.people.removeFace("office", "R01001"));

    assertFalse(after.hasFace());
    assertEquals(Optional.empty(), await(f.faces.photo("R01001")));
    assertTrue(await(f.people.person("R01001")).isPresent(), "the person stays");
  }
}
