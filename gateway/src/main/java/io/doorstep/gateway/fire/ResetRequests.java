package io.doorstep.gateway.fire;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * How {@code doorstep fire-reset} asks the running gateway for a reset: a small JSON file in
 * the gateway's data directory, answered by a result file beside it. The data directory is
 * writable only by the service user (and root), so the operating system already decides who may
 * ask; the gateway then decides by role. No port is opened and the page stays read-only.
 *
 * <p>Files appear whole or not at all: each is written under a temporary name and renamed.
 */
public final class ResetRequests {
  static final String REQUEST = ".request.json";
  static final String CLAIMED = ".claimed";
  static final String RESULT = ".result.json";
  /** An id the CLI makes (a UUID); anything else in the directory is not ours and is left alone. */
  static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /**
   * A request older than this is answered but not carried out: nobody is waiting for it, and a
   * reset must never happen long after someone asked (say, when a stopped gateway starts again).
   */
  static final long MAX_AGE_MS = 60_000;
  static final int MAX_BYTES = 4096;

  private ResetRequests() {}

  /** What a person asked. */
  record Request(String by, String role, long ts) {
    JsonObject toJson() {
      return new JsonObject().put("by", by).put("role", role).put("ts", ts);
    }

    /** @throws IllegalArgumentException when the file is not a request */
    static Request parse(String text) {
      try {
        JsonObject json = new JsonObject(text);
        return new Request(json.getString("by"), json.getString("role"), json.getLong("ts", 0L));
      } catch (DecodeException | ClassCastException e) {
        throw new IllegalArgumentException("not a reset request: " + e.getMessage(), e);
      }
    }
  }

  /** What the gateway answered. */
  enum Outcome {
    RESET,
    NOT_ACTIVE,
    REFUSED,
    FAILED
  }

  record Result(Outcome outcome, String message) {
    JsonObject toJson() {
      return new JsonObject().put("outcome", outcome.name()).put("message", message);
    }

    static Result parse(String text) {
      try {
        JsonObject json = new JsonObject(text);
        return new Result(Outcome.valueOf(json.getString("outcome")), json.getString("message"));
      } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
        return new Result(Outcome.FAILED, "unreadable answer from the gateway: " + text);
      }
    }
  }

  /** Where requests go: {@code <dataDir>/requests/fire-reset}. */
  public static Path directory(Path dataDir) {
    return dataDir.resolve("requests").resolve("fire-reset");
  }

  static Path request(Path dir, String id) {
    return dir.resolve(id + REQUEST);
  }

  static Path claimed(Path dir, String id) {
    return dir.resolve(id + CLAIMED);
  }

  static Path result(Path dir, String id) {
    return dir.resolve(id + RESULT);
  }

  /** Writes whole or not at all, so that a reader never sees half a file. */
  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
