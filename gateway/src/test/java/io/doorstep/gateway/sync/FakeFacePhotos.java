package io.doorstep.gateway.sync;

import io.doorstep.gateway.people.FacePhotos;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Photos in memory, safe to change from the test's thread while the sync reads them. */
final class FakeFacePhotos implements FacePhotos {
  private final Map<String, byte[]> photos = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  /** Bytes a terminal takes for a JPEG (FF D8 FF), different for each person and {@code version}. */
  static byte[] jpeg(String personId, int version, int size) {
    byte[] b = new byte[Math.max(size, 16)];
    Arrays.fill(b, (byte) 0x5A);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    byte[] tag = (personId + "/" + version).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tag, 0, b, 4, Math.min(tag.length, b.length - 4));
    return b;
  }

  /** What a terminal refuses as BAD_IMAGE. */
  static byte[] png(String personId) {
    return ("\u0089PNG not a jpeg " + personId).getBytes(StandardCharsets.ISO_8859_1);
  }

  void put(String personId, byte[] photo) {
    photos.put(personId, photo.clone());
  }

  void remove(String personId) {
    photos.remove(personId);
  }

  int reads(String personId) {
    AtomicInteger n = reads.get(personId);
    return n == null ? 0 : n.get();
  }

  @Override
  public Future<Optional<byte[]>> photo(String personId) {
    reads.computeIfAbsent(personId, k -> new AtomicInteger()).incrementAndGet();
    byte[] b = photos.get(personId);
    return Future.succeededFuture(Optional.ofNullable(b == null ? null : b.clone()));
  }
}
