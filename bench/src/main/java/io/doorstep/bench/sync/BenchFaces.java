package io.doorstep.bench.sync;

import io.doorstep.gateway.people.FacePhotos;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Face photos made up from the person's id, the same bytes every time they are asked for, so
 * that the floor and the gateway send identical faces and no 96 MiB store sits in the heap.
 * Random bytes after a JPEG header: incompressible, as real photos are.
 */
final class BenchFaces implements FacePhotos {
  private final int bytes;

  BenchFaces(int bytes) {
    this.bytes = bytes;
  }

  byte[] face(String personId) {
    byte[] b = new byte[bytes];
    new SplittableRandom(personId.hashCode()).nextBytes(b);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    return b;
  }

  @Override
  public Future<Optional<byte[]>> photo(String personId) {
    return Future.succeededFuture(Optional.of(face(personId)));
  }
}
