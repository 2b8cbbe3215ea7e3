package io.doorstep.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final long HEARTBEAT_MS = 200;
  private Vertx vertx;
  private Store store;
  private WebServer server;
  /** The guard's session cookie: the stream, like every API, needs one. */
  private String cookies;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    vertx = WebTestSupport.vertx();
    store = WebTestSupport.store(vertx, dir);
    server = WebTestSupport.await(WebServer.start(vertx, "127.0.0.1", 0, new FakeWebSources(),
        WebTestSupport.auth(vertx, store), HEARTBEAT_MS));
    cookies = WebLogin.as(vertx, store, server.actualPort(), "g1", Role.GUARD).cookieHeader();
  }

  @AfterEach
  void stop() throws Exception {
    WebTestSupport.await(server.close());
    // the store first: its last writes (audit rows) complete on Vert.x
    store.close();
    WebTestSupport.await(vertx.close());
  }

  /** Connects and waits for the server's first frame, after which nothing published is missed. */
  private SseTestClient connected(String target) throws Exception {
    SseTestClient client = SseTestClient.connect(server.actualPort(), target, cookies).startReading();
    SseTestClient.Frame hello = client.next(WAIT);
    assertNotNull(hello, "no first frame");
    assertTrue(hello.comments().contains("connected"), hello.toString());
    return client;
  }

  @Test
  void aStoredEventArrivesOnTheStream() throws Exception {
    try (SseTestClient client = connected("/api/stream")) {
      assertTrue(client.statusLine.contains(" 200"), client.statusLine);
      assertTrue(client.headers.contains("content-type: text/event-stream"), client.headers);

      DeviceEvent event = WebTestSupport.passage("张伟", true, "OK");
      vertx.eventBus().publish(Addresses.EVENT_STORED, event);

      SseTestClient.Frame frame = client.nextEvent(WAIT);
      assertNotNull(frame, "the event did not arrive");
      assertEquals("event", frame.event());
      JsonObject data = new JsonObject(frame.data());
      assertEquals(event.toJson(), data);
      assertEquals("张伟", data.getJsonObject("payload").getString("personName"));
    }
  }

  @Test
  void aDeviceChangeArrivesOnTheStream() throws Exception {
    try (SseTestClient client = connected("/api/stream")) {
      vertx.eventBus().publish(Addresses.DEVICE_STATUS, WebTestSupport.device("ft-gate-n-1", false));

      SseTestClient.Frame frame = client.nextEvent(WAIT);
      assertNotNull(frame);
      assertEquals("device", frame.event());
      JsonObject data = new JsonObject(frame.data());
      assertEquals("ft-gate-n-1", data.getString("id"));
      assertFalse(data.getBoolean("online"));
    }
  }

  @Test
  void theKindFilterHoldsOtherEventsBack() throws Exception {
    try (SseTestClient client = connected("/api/stream?kind=passage,passage.offline")) {
      vertx.eventBus().publish(Addresses.EVENT_STORED,
          DeviceEvent.of("ft-1", EventKinds.DOOR_STATE, Severity.INFO, new JsonObject().put("state", "open")));
      DeviceEvent passage = WebTestSupport.passage("李娜", false, "EXPIRED");
      vertx.eventBus().publish(Addresses.EVENT_STORED, passage);

      SseTestClient.Frame frame = client.nextEvent(WAIT);
      assertNotNull(frame);
      assertEquals(passage.id(), new JsonObject(frame.data()).getString("id"));
    }
  }

  @Test
  void aQuietStreamGetsHeartbeats() throws Exception {
    try (SseTestClient client = connected("/api/stream")) {
      SseTestClient.Frame frame = client.next(WAIT);
      assertNotNull(frame);
      assertTrue(frame.comments().contains("heartbeat"), frame.toString());
    }
  }

  @Test
  void aBadKindIsRefusedBeforeStreaming() throws Exception {
    WebTestSupport.RawResponse response = WebTestSupport.rawGet(server.actualPort(), "/api/stream?kind=Bad!", cookies);
    assertEquals(400, response.status());
    assertEquals("kind", new JsonObject(response.body()).getString("parameter"));
  }

  @Test
  void consumersAreReleasedWhenTheClientGoes() throws Exception {
    SseTestClient client = connected("/api/stream");
    assertEquals(1, server.openStreams());

    client.close();

    waitFor(() -> server.openStreams() == 0, "the stream was not released");
    assertNoConsumer(Addresses.EVENT_STORED, WebTestSupport.passage("张伟", true, "OK"));
    assertNoConsumer(Addresses.DEVICE_STATUS, WebTestSupport.device("ft-1", true));
  }

  @Test
  void aClientThatStopsReadingIsDroppedNotBufferedForever() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      // a tiny receive window, so the server's queue fills after little data
      socket.setReceiveBufferSize(4096);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/stream HTTP/1.1\r\nHost: x\r\nCookie: " + cookies + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      waitFor(() -> server.openStreams() == 1, "the stream did not open");

      // never read: publish far more than the socket buffers and the write queue together hold
      JsonObject payload = new JsonObject().put("filler", "x".repeat(4096));
      for (int i = 0; i < 4000 && server.openStreams() > 0; i++) {
        vertx.eventBus().publish(Addresses.EVENT_STORED, DeviceEvent.of("ft-1", EventKinds.PASSAGE, Severity.INFO, payload));
        if (i % 20 == 19) {
          Thread.sleep(5); // lets the server notice the full queue between bursts
        }
      }

      waitFor(() -> server.openStreams() == 0, "a client that never reads was kept");
    }
  }

  @Test
  void closingTheServerEndsOpenStreams() throws Exception {
    SseTestClient client = connected("/api/stream");

    WebTestSupport.await(server.close());

    assertSame(SseTestClient.Frame.END, client.nextEvent(WAIT));
    assertEquals(0, server.openStreams());
  }

  /** A point-to-point request fails with NO_HANDLERS only when nobody consumes the address. */
  private void assertNoConsumer(String address, Object message) throws Exception {
    try {
      WebTestSupport.await(vertx.eventBus().request(address, message, new DeliveryOptions().setSendTimeout(2000)));
      fail("something still consumes " + address);
    } catch (ExecutionException e) {
      ReplyException reply = (ReplyException) e.getCause();
      assertEquals(ReplyFailure.NO_HANDLERS, reply.failureType(), address);
    }
  }

  private static void waitFor(BooleanSupplier condition, String message) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(message);
      }
      Thread.sleep(20);
    }
  }
}
