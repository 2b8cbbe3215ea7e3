package io.doorstep.gateway.people;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Face photos encrypted at rest (AES-256-GCM, key in {@code <dataDir>/keys/face.key}). Photos
 * go in through {@link PeopleService} and out only through {@link #photo}, for the terminal sync.
 * Nothing here logs a photo, its size or its digest. Crypto and file work run on worker threads.
 */
public final class FaceVault implements FacePhotos {

  /** Larger than any face a terminal needs (they take about 30 KiB), small enough for a 4 MiB sync message. */
  public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

  private final Vertx vertx;
  private final Store store;
  private final FaceKeyFile keyFile;
  private volatile SecretKey key;

  public FaceVault(Vertx vertx, Store store, Path dataDir) {
    this.vertx = vertx;
    this.store = store;
    this.keyFile = new FaceKeyFile(dataDir);
  }

  /** Where the key lives: back it up with the database. */
  public Path keyFile() {
    return keyFile.path();
  }

  /**
   * Reads the key now (creating it if no photo exists yet), so that a missing or exposed key file
   * stops the gateway at start-up instead of failing the first photo.
   */
  public Future<Void> unlock() {
    return key().mapEmpty();
  }

  @Override
  public Future<Optional<byte[]>> photo(String personId) {
    // Decrypted on the read worker that fetched the row: the event loop never does AES.
    return key().compose(k -> store.read(c -> FaceRows.find(c, personId).map(s -> FaceCipher.open(k, personId, s))));
  }

  /** SHA-256 (hex) of a person's plain photo, if they have one. */
  public Future<Optional<String>> digest(String personId) {
    return store.read(c -> FaceRows.digest(c, personId));
  }

  /** Why these bytes are not an acceptable photo, or empty. */
  public static Optional<String> problem(byte[] jpeg) {
    if (jpeg == null || jpeg.length == 0) {
      return Optional.of("the photo is empty");
    }
    if (jpeg.length > MAX_PHOTO_BYTES) {
      return Optional.of("the photo is larger than 2 MiB: a terminal needs a face, not a poster");
    }
    if (jpeg.length < 3 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || (jpeg[2] & 0xFF) != 0xFF) {
      return Optional.of("the photo is not a JPEG");
    }
    return Optional.empty();
  }

  /** Checks and encrypts a photo for {@code personId}, off the event loop. */
  Future<SealedPhoto> seal(String personId, byte[] jpeg) {
    Optional<String> problem = problem(jpeg);
    if (problem.isPresent()) {
      return Future.failedFuture(new PeopleException(PeopleException.Code.INVALID, problem.get()));
    }
    return key().compose(k -> vertx.executeBlocking(() -> FaceCipher.seal(k, personId, jpeg), false));
  }

  private Future<SecretKey> key() {
    SecretKey k = key;
    if (k != null) {
      return Future.succeededFuture(k);
    }
    return store.read(FaceRows::any).compose(photosStored -> vertx.executeBlocking(() -> load(!photosStored), false));
  }

  private synchronized SecretKey load(boolean mayCreate) {
    if (key == null) {
      key = keyFile.load(mayCreate);
    }
    return key;
  }
}
