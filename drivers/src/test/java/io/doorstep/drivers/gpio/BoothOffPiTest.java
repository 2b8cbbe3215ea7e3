package io.doorstep.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import io.doorstep.drivers.mqtt.LinkDownException;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A gateway started on a laptop, or on a Pi whose GPIO it may not use, keeps running without its booth doors. */
class BoothOffPiTest {

  @Test
  void givenThisIsNoPi_thenTheProductionPlatformSaysSoPlainly() {
    assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Pi");
    GpioUnavailableException e = assertThrows(GpioUnavailableException.class, GpioPlatform::raspberryPi);
    assertTrue(e.getMessage().contains("not a Raspberry Pi"), e.getMessage());
  }

  @Test
  void givenNoPi_thenEveryBoothDeviceIsOfflineWithAnAlarmAndCommandsFailAsLinkDown() throws Exception {
    assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "this machine is a Pi");
    assertOfflineWithAlarm(GpioPlatform::raspberryPi, "not a Raspberry Pi");
  }

  @Test
  void givenAPi4JContextWithNoGpioProvider_thenTheSameHappensInsteadOfACrash() throws Exception {
    assertOfflineWithAlarm(() -> Pi4J.newContextBuilder().build(), "did not open");
  }

  @Test
  void givenThePlatformFailsInAnyOtherWay_thenTheSameHappens() throws Exception {
    assertOfflineWithAlarm(() -> {
      throw new UnsatisfiedLinkError("libgpiod.so: wrong ELF class");
    }, "wrong ELF class");
  }

  private static void assertOfflineWithAlarm(Callable<Context> platform, String why) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      RecordingListener listener = new RecordingListener();
      BoothGpioDriver driver = new BoothGpioDriver(vertx, MockBooth.LAYOUT, listener);

      driver.start(platform).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertNotNull(driver.unavailable());
      assertTrue(driver.unavailable().contains(why), driver.unavailable());
      for (String device : MockBooth.LAYOUT.devices()) {
        assertFalse(listener.online.get(device), device);
        assertTrue(listener.facts.get(device).getString("error").contains(why));
        DeviceEvent alarm = listener.alarms(device, "GPIO_UNAVAILABLE").get(0);
        assertEquals(Severity.ALARM, alarm.severity());
        assertEquals(EventKinds.DEVICE_ALARM, alarm.kind());
      }
      Throwable refused = driver.execute(new DeviceCommand.Open("door-1", 1000, "remote"))
          .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
      assertInstanceOf(GpioUnavailableException.class, refused);
      assertInstanceOf(LinkDownException.class, refused, "fails with the bus's LINK_DOWN code");
      driver.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
