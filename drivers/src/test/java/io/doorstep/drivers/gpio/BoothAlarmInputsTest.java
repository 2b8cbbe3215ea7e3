package io.doorstep.drivers.gpio;

import io.doorstep.drivers.Waits;
import static io.doorstep.drivers.gpio.MockBooth.CONTACT_1;
import static io.doorstep.drivers.gpio.MockBooth.CONTACT_2;
import static io.doorstep.drivers.gpio.MockBooth.FIRE_PANEL;
import static io.doorstep.drivers.gpio.MockBooth.KEY_SWITCH;
import static io.doorstep.drivers.gpio.MockBooth.RELAY_1;
import static io.doorstep.drivers.gpio.MockBooth.SIREN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoothAlarmInputsTest {

  @Test
  void aFiftyMillisecondBlipOnTheFirePanelIsNoFireButThreeHundredIs() {
    try (MockBooth booth = MockBooth.started()) {
      booth.pulse(FIRE_PANEL, 50);
      // A door command after the blip's debounce time proves the driver has seen it all.
      Waits.sleep(MockBooth.TIMING.firePanelDebounceMs() + 100);
      booth.await(booth.driver.execute(new DeviceCommand.Open("door-1", 50, "test")));
      assertTrue(booth.listener.events("fire-panel", EventKinds.FIRE_ALARM).isEmpty(), "a 50 ms blip is no fire");

      booth.set(FIRE_PANEL, true);
      Waits.sleep(300);
      Waits.until("fire.alarm", () -> booth.listener.events("fire-panel", EventKinds.FIRE_ALARM).size() == 1);
      assertEquals(Severity.CRITICAL, booth.listener.events("fire-panel", EventKinds.FIRE_ALARM).get(0).severity());
      assertTrue(booth.listener.events("fire-panel", EventKinds.FIRE_CLEAR).isEmpty());

      booth.bounce(FIRE_PANEL, false);
      Waits.until("fire.clear", () -> booth.listener.events("fire-panel", EventKinds.FIRE_CLEAR).size() == 1);
      assertEquals(1, booth.listener.events("fire-panel", EventKinds.FIRE_ALARM).size());
      assertFalse(booth.high(RELAY_1), "the driver releases nothing by itself: fire release is the gateway's");
    }
  }

  @Test
  void aFirePanelAlreadyInAlarmAtStartUpIsReported() {
    try (MockBooth booth = MockBooth.started(MockBooth.LAYOUT, List.of(CONTACT_1, CONTACT_2, FIRE_PANEL))) {
      Waits.until("fire.alarm", () -> booth.listener.events("fire-panel", EventKinds.FIRE_ALARM).size() == 1);
    }
  }

  @Test
  void theKeySwitchReportsOnAndOff() {
    try (MockBooth booth = MockBooth.started()) {
      booth.bounce(KEY_SWITCH, true);
      Waits.until("all-open on", () -> booth.listener.events("key-switch", EventKinds.ALL_DOORS_OPEN_ON).size() == 1);
      booth.bounce(KEY_SWITCH, false);
      Waits.until("all-open off", () -> booth.listener.events("key-switch", EventKinds.ALL_DOORS_OPEN_OFF).size() == 1);
      assertEquals(1, booth.listener.events("key-switch", EventKinds.ALL_DOORS_OPEN_ON).size());
    }
  }

  @Test
  void theSirenSoundsOnCommand() {
    try (MockBooth booth = MockBooth.started()) {
      assertFalse(booth.high(SIREN));
      booth.await(booth.driver.execute(new DeviceCommand.Open("siren", 200, "test")));
      assertTrue(booth.high(SIREN));
      Waits.until("silent again", () -> !booth.high(SIREN));

      booth.await(booth.driver.execute(new DeviceCommand.HoldOpen("siren", true)));
      assertTrue(booth.high(SIREN));
      booth.await(booth.driver.execute(new DeviceCommand.HoldOpen("siren", false)));
      assertFalse(booth.high(SIREN));
    }
  }
}
