package io.doorstep.gateway.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client on a plain socket, so a test controls exactly when it reads and
 * when the connection goes: what a browser tab does when it is closed or hangs.
 */
final class SseTestClient implements AutoCloseable {
  /** One SSE frame; {@code comments} holds comment lines without their colon. */
  record Frame(String event, String data, List<String> comments) {
    static final Frame END = new Frame("<end>", null, List.of());
  }

  private final Socket socket;
  private final InputStream in;
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  final String statusLine;
  final String headers;

  private SseTestClient(Socket socket, String statusLine, String headers) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.statusLine = statusLine;
    this.headers = headers;
  }

  /** Connects and reads the response head; frames are not read until {@link #startReading()}. */
  static SseTestClient connect(int port, String target) throws IOException {
    return connect(port, target, null);
  }

  /** With a Cookie header ({@link WebLogin#cookieHeader()}), or none when null. */
  static SseTestClient connect(int port, String target, String cookies) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    String cookieLine = cookies == null ? "" : "Cookie: " + cookies + "\r\n";
    socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nAccept: text/event-stream\r\n" + cookieLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    String status = line(in);
    StringBuilder headers = new StringBuilder();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      headers.append(h.toLowerCase()).append('\n');
    }
    return new SseTestClient(socket, status, headers.toString());
  }

  SseTestClient startReading() {
    Thread reader = new Thread(this::readChunks, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  /** The next frame, or null after {@code timeout}; {@link Frame#END} once the server closed. */
  Frame next(Duration timeout) throws InterruptedException {
    return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next frame that carries an event (skips comments and heartbeats). */
  Frame nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (frame == null || frame == Frame.END || frame.event() != null) {
        return frame;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void readChunks() {
    StringBuilder text = new StringBuilder();
    try {
      while (true) {
        int size = Integer.parseInt(line(in).trim(), 16);
        if (size == 0) {
          break;
        }
        text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        line(in); // the CRLF closing the chunk
        for (int end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n")) {
          frames.add(parse(text.substring(0, end)));
          text.delete(0, end + 2);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the connection went: that is what END reports
    }
    frames.add(Frame.END);
  }

  private static Frame parse(String block) {
    String event = null;
    String data = null;
    List<String> comments = new ArrayList<>();
    for (String line : block.split("\n")) {
      if (line.startsWith(":")) {
        comments.add(line.substring(1).trim());
      } else if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = data == null ? line.substring(6) : data + "\n" + line.substring(6);
      }
    }
    return new Frame(event, data, comments);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
