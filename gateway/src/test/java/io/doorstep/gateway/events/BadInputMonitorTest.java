package io.doorstep.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.LocalCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A terminal that sends junk all day is counted every time but logged once a minute. */
class BadInputMonitorTest {
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @AfterEach
  void close() throws Exception {
    ((Logger) LoggerFactory.getLogger(BadInputMonitor.class)).detachAppender(logged);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyBadMessageIsCountedButLoggedOncePerDevice() throws Exception {
    logged.start();
    ((Logger) LoggerFactory.getLogger(BadInputMonitor.class)).addAppender(logged);
    LocalCodec.register(vertx.eventBus(), DeviceEvent.class);
    vertx.deployVerticle(new BadInputMonitor(metrics)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    for (int i = 0; i < 50; i++) {
      vertx.eventBus().publish(Addresses.EVENT_STORED, bad("ft-a", "malformed_json"));
    }
    vertx.eventBus().publish(Addresses.EVENT_STORED, bad("ft-b", "bad_field"));
    vertx.eventBus().publish(Addresses.EVENT_STORED,
        DeviceEvent.of("ft-b", EventKinds.PASSAGE, Severity.INFO, new JsonObject()));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count("ft-a", "malformed_json") < 50 || count("ft-b", "bad_field") < 1) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not all bad messages were counted");
      }
      Thread.sleep(10);
    }
    assertEquals(50, count("ft-a", "malformed_json"));
    assertEquals(1, count("ft-b", "bad_field"));
    assertEquals(2, logged.list.size(), "one line per device within the minute");
  }

  private double count(String device, String reason) {
    var counter = metrics.find("doorstep.device.bad.messages").tag("device", device).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static DeviceEvent bad(String device, String reason) {
    return DeviceEvent.of(device, EventKinds.BAD_MESSAGE, Severity.WARNING,
        new JsonObject().put("reason", reason).put("detail", "x").put("topic", "ft/x/up/verify"));
  }
}
