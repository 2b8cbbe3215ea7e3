package io.doorstep.bench.board;

import java.util.function.BiConsumer;

/**
 * Server-Sent Events as the gateway writes them, one line at a time: {@code event:} and
 * {@code data:} lines, a blank line ending each frame, comments ({@code :}) and {@code retry:}
 * ignored. Multi-line data is joined with line breaks, as a browser's EventSource does.
 */
final class SseFrames {
  private final BiConsumer<String, String> onFrame;
  private String name = "message";
  private StringBuilder data;

  /** @param onFrame called with each frame's event name and data */
  SseFrames(BiConsumer<String, String> onFrame) {
    this.onFrame = onFrame;
  }

  void line(String line) {
    if (line.isEmpty()) {
      if (data != null) {
        onFrame.accept(name, data.toString());
      }
      name = "message";
      data = null;
      return;
    }
    if (line.startsWith(":")) {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (field.equals("event")) {
      name = value;
    } else if (field.equals("data")) {
      if (data == null) {
        data = new StringBuilder(value);
      } else {
        data.append('\n').append(value);
      }
    }
  }
}
