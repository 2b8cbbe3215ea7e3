package io.doorstep.gateway.web.tech;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A console form laid over an estate file entry (a device's, a line's): the form's keys are the
 * file's keys, a number typed as text is kept as the file would write it, and a key sent empty is
 * taken out so that the file's default applies again.
 *
 * @param keys the keys the form edits
 * @param numbers those of them the file writes as whole numbers
 * @param keepUnsent whether a key the form did not send keeps its value (else it is taken out too)
 */
record FormEntry(List<String> keys, List<String> numbers, boolean keepUnsent) {

  /** {@code entry} with the form's values laid over it; changed in place and returned. */
  Map<String, Object> over(JsonObject body, Map<String, Object> entry) {
    for (String key : keys) {
      if (keepUnsent && !body.containsKey(key)) {
        continue;
      }
      Object value = body.getValue(key);
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        entry.remove(key);
      } else if (value instanceof Number || (numbers.contains(key) && text.matches("\\d{1,9}"))) {
        entry.put(key, Long.parseLong(text));
      } else {
        entry.put(key, text);
      }
    }
    return entry;
  }
}
