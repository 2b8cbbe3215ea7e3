package io.doorstep.gateway.web.office;

import io.doorstep.gateway.people.FaceVault;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What the gateway checks of a face photo before it stores one (FaceVault's own rule: a JPEG of
 * at most 2 MiB), with the picture's size in pixels read from its frame header, so the office sees
 * why a photo is refused and how large the face can be. Whether a face is in it only a terminal
 * can tell (NO_FACE_FOUND comes back through the sync).
 */
record JpegFacts(int bytes, boolean jpeg, int width, int height, Optional<String> problem) {

  static JpegFacts of(byte[] photo) {
    Optional<String> problem = FaceVault.problem(photo);
    boolean jpeg = photo.length >= 3 && (photo[0] & 0xFF) == 0xFF && (photo[1] & 0xFF) == 0xD8;
    int[] size = jpeg ? frameSize(photo) : null;
    return new JpegFacts(photo.length, jpeg, size == null ? 0 : size[0], size == null ? 0 : size[1], problem);
  }

  JsonObject toJson() {
    return new JsonObject().put("bytes", bytes).put("maxBytes", FaceVault.MAX_PHOTO_BYTES).put("jpeg", jpeg)
        .put("width", width).put("height", height).put("ok", problem.isEmpty())
        .put("problems", problem.map(p -> new JsonArray().add(p)).orElseGet(JsonArray::new));
  }

  /**
   * Width and height from the first start-of-frame segment (SOF0 to SOF15, less DHT, JPG and
   * DAC, which share the range), or null when the segments end before one.
   */
  static int[] frameSize(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2; // markers without a length
        continue;
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        if (i + 8 >= b.length) {
          return null;
        }
        int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
        int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
        return new int[] {width, height};
      }
      if (marker == 0xDA || length < 2) {
        return null; // image data begins: no frame header came first
      }
      i += 2 + length;
    }
    return null;
  }
}
