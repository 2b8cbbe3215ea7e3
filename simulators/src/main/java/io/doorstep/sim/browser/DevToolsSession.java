package io.doorstep.sim.browser;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client for one page: enough to wait for the board to
 * fill and take its picture while its event stream stays open (a --screenshot run would wait
 * for that stream to end, and then show the board as reconnecting).
 */
public final class DevToolsSession implements AutoCloseable {
  private static final String SCREENSHOTS_PROPERTY = "doorstep.screenshots";
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final WebSocket socket;

  private DevToolsSession(String pageWebSocket) throws Exception {
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWebSocket), new Listener()).get(10, TimeUnit.SECONDS);
  }

  /** Opens {@code url} in a new tab of the browser whose DevTools address is {@code browserWs}. */
  public static DevToolsSession openPage(String browserWs, String url) throws Exception {
    URI ws = URI.create(browserWs);
    URI newTab = URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/json/new?" + url);
    HttpResponse<String> created = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(newTab).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    return new DevToolsSession(new JsonObject(created.body()).getString("webSocketDebuggerUrl"));
  }

  public JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(new JsonObject().put("id", id).put("method", method).put("params", params).encode(), true);
    JsonObject reply = answer.get(20, TimeUnit.SECONDS);
    if (reply.containsKey("error")) {
      throw new IllegalStateException(method + ": " + reply.getJsonObject("error").encode());
    }
    return reply.getJsonObject("result");
  }

  /** Evaluates a JavaScript expression in the page and returns its value. */
  public Object evaluate(String expression) throws Exception {
    JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression).put("returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new IllegalStateException("the page threw: " + result.getJsonObject("exceptionDetails").encode());
    }
    return result.getJsonObject("result").getValue("value");
  }

  /** Waits (at most 30 s) until the expression is true in the page; fails with what the page shows. */
  public void awaitTrue(String expression) throws Exception {
    awaitTrue(expression, 30);
  }

  /** Waits at most {@code seconds} until the expression is true in the page. */
  public void awaitTrue(String expression, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String threw = "";
    while (true) {
      try {
        if (Boolean.TRUE.equals(evaluate(expression))) {
          return;
        }
      } catch (IllegalStateException e) {
        // not there yet (an element the page has not drawn): keep waiting, and say so if it stays
        threw = "\nlast try: " + e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the page never showed: " + expression + threw + "\nat "
            + evaluate("location.href") + "\n" + evaluate("document.body ? document.body.innerText : ''"));
      }
      Thread.sleep(100);
    }
  }

  /** The page as it looks now, as a PNG. */
  public byte[] screenshot() throws Exception {
    byte[] png = Base64.getDecoder().decode(
        call("Page.captureScreenshot", new JsonObject().put("format", "png")).getString("data"));
    if (png.length <= 5_000) {
      throw new AssertionError("the picture is empty");
    }
    return png;
  }

  /**
   * Keeps the page's picture as {@code name} in the directory named by
   * {@code -Ddoorstep.screenshots} (the docs' pictures come from there); without it, nowhere, so
   * an ordinary run leaves the tree as it was.
   */
  public void keepPicture(String name) throws Exception {
    String dir = System.getProperty(SCREENSHOTS_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return;
    }
    Path file = Path.of(dir).resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, screenshot());
  }

  /** Whether this run keeps pictures (a test may set the page up for its picture only then). */
  public static boolean keepsPictures() {
    String dir = System.getProperty(SCREENSHOTS_PROPERTY);
    return dir != null && !dir.isBlank();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        JsonObject json = new JsonObject(message.toString());
        message.setLength(0);
        CompletableFuture<JsonObject> answer = json.containsKey("id") ? pending.remove(json.getInteger("id")) : null;
        if (answer != null) {
          answer.complete(json);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
