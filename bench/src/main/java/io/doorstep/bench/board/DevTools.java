package io.doorstep.bench.board;

import io.vertx.core.json.JsonObject;
import java.net.URI;
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

/** A Chrome DevTools Protocol client for one tab: commands and their answers, events ignored. */
final class DevTools implements AutoCloseable {
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final WebSocket socket;

  private DevTools(String pageWebSocket) throws Exception {
    socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(pageWebSocket), new Listener()).get(10, TimeUnit.SECONDS);
  }

  /** A new tab of the browser whose DevTools address is {@code browserWs}, showing {@code url}. */
  static DevTools openTab(String browserWs, String url) throws Exception {
    URI ws = URI.create(browserWs);
    URI newTab = URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/json/new?" + url);
    HttpResponse<String> created = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(newTab).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    return new DevTools(new JsonObject(created.body()).getString("webSocketDebuggerUrl"));
  }

  JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(new JsonObject().put("id", id).put("method", method).put("params", params).encode(), true);
    JsonObject reply = answer.get(30, TimeUnit.SECONDS);
    if (reply.containsKey("error")) {
      throw new IllegalStateException(method + ": " + reply.getJsonObject("error").encode());
    }
    return reply.getJsonObject("result");
  }

  /** Evaluates an expression in the page and returns its value (as JSON types). */
  Object evaluate(String expression) throws Exception {
    JsonObject result = call("Runtime.evaluate",
        new JsonObject().put("expression", expression).put("returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new IllegalStateException("the page threw: " + result.getJsonObject("exceptionDetails").encode());
    }
    return result.getJsonObject("result").getValue("value");
  }

  /** Waits until the expression is true in the page. */
  void awaitTrue(String expression, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Boolean.TRUE.equals(evaluate(expression))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page never showed " + expression + "; it is at "
            + evaluate("location.href") + " and reads:\n" + evaluate("document.body ? document.body.innerText : ''"));
      }
      Thread.sleep(100);
    }
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
