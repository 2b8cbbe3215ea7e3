package io.doorstep.gateway.people;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Face photos, kept encrypted at rest. Sensitive personal information (PIPL): only what sends
 * them to terminals reads them, and nothing logs them.
 */
public interface FacePhotos {
  /** The decrypted JPEG of a person, or empty if the person has none. */
  Future<Optional<byte[]>> photo(String personId);
}
