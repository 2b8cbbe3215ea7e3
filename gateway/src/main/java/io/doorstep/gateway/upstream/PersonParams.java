package io.doorstep.gateway.upstream;

import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PersonForm;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of {@code pushPerson} and {@code removePerson} params: texts where the office's form
 * has texts, lists of texts where it has lists, a base64 JPEG as {@code faceJpeg}. Only the shape:
 * whether a name, a card or a household is acceptable is the people rules' to say, in the same
 * words as for the office.
 */
final class PersonParams {
  static final String PERSON_ID = "personId";
  static final String FACE_JPEG = "faceJpeg";
  private static final List<String> TEXTS = List.of(PERSON_ID, "name", "kind", "household", "validFrom", "validTo");
  private static final List<String> LISTS = List.of("cards", "plates", "ebikePlates", "ebikeTags");
  static final Set<String> PUSH = known();
  /** Base64 of the largest photo the vault takes; anything longer is refused before it is decoded. */
  private static final int MAX_FACE_BASE64 = (FaceVault.MAX_PHOTO_BYTES + 2) / 3 * 4;

  private PersonParams() {}

  /** The problems of a pushPerson's params, every one; empty when the shape is right. */
  static List<String> pushProblems(JsonObject params) {
    List<String> problems = new ArrayList<>();
    if (!(params.getValue(PERSON_ID) instanceof String)) {
      problems.add(PERSON_ID + " must be a text, got " + shown(params.getValue(PERSON_ID)));
    }
    for (String key : TEXTS) {
      Object v = params.getValue(key);
      if (v != null && !(v instanceof String) && !key.equals(PERSON_ID)) {
        problems.add(key + " must be a text, got " + shown(v));
      }
    }
    for (String key : LISTS) {
      Object v = params.getValue(key);
      if (v != null && !(v instanceof JsonArray a && a.stream().allMatch(e -> e instanceof String))) {
        problems.add(key + " must be a list of texts, got " + shown(v));
      }
    }
    Object face = params.getValue(FACE_JPEG);
    if (face != null) {
      faceProblem(face).ifPresent(problems::add);
    }
    return problems;
  }

  /** The form the office would have filled in; call only once {@link #pushProblems} found none. */
  static PersonForm form(JsonObject params) {
    return new PersonForm(params.getString(PERSON_ID), params.getString("name"), params.getString("kind"),
        params.getString("household"), params.getString("validFrom"), params.getString("validTo"),
        texts(params, "cards"), texts(params, "plates"), texts(params, "ebikePlates"), texts(params, "ebikeTags"));
  }

  /** The photo's bytes, or null when none was sent; call only once {@link #pushProblems} found none. */
  static byte[] face(JsonObject params) {
    String face = params.getString(FACE_JPEG);
    return face == null ? null : Base64.getDecoder().decode(face);
  }

  private static Optional<String> faceProblem(Object face) {
    if (!(face instanceof String text)) {
      return Optional.of(FACE_JPEG + " must be a JPEG in base64, got " + shown(face));
    }
    if (text.length() > MAX_FACE_BASE64) {
      return Optional.of(FACE_JPEG + ": the photo is larger than 2 MiB: a terminal needs a face, not a poster");
    }
    byte[] jpeg;
    try {
      jpeg = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.of(FACE_JPEG + " is not base64: " + e.getMessage());
    }
    // The office's photo upload checks the very same: not empty, at most 2 MiB, a JPEG.
    return FaceVault.problem(jpeg).map(p -> FACE_JPEG + ": " + p);
  }

  private static List<String> texts(JsonObject params, String key) {
    JsonArray a = params.getJsonArray(key);
    return a == null ? List.of() : a.stream().map(String.class::cast).toList();
  }

  /** A wrong value as the platform sent it, cut short: it may be a whole photo. */
  private static String shown(Object v) {
    if (v == null) {
      return "none";
    }
    String json = Json.encode(v);
    return json.length() > 40 ? json.substring(0, 40) + "…" : json;
  }

  private static Set<String> known() {
    List<String> all = new ArrayList<>(TEXTS);
    all.addAll(LISTS);
    all.add(FACE_JPEG);
    return Set.copyOf(all);
  }
}
