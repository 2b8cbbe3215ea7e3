package io.doorstep.drivers.gpio;

import io.doorstep.drivers.Waits;
import static io.doorstep.drivers.gpio.MockBooth.CONTACT_1;
import static io.doorstep.drivers.gpio.MockBooth.CONTACT_2;
import static io.doorstep.drivers.gpio.MockBooth.EXIT_2;
import static io.doorstep.drivers.gpio.MockBooth.RELAY_1;
import static io.doorstep.drivers.gpio.MockBooth.RELAY_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.device.EventKinds;
import io.doorstep.device.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoothDoorTest {
  private final MockBooth booth = MockBooth.started();

  @AfterEach
  void close() {
    booth.close();
  }

  @Test
  void allBoothDevicesReportThemselvesOnlineWithTheirDoorState() {
    for (String device : MockBooth.LAYOUT.devices()) {
      assertTrue(booth.listener.online.get(device), device);
    }
    assertEquals("closed", booth.listener.facts.get("door-1").getString("doorState"));
    assertFalse(booth.high(RELAY_1), "locks start engaged");
  }

  @Test
  void givenTheExitButtonPressed_thenTheDoorIsReleasedWithoutACredentialAndOpeningIsNotForced() {
    booth.bounce(EXIT_2, true);

    Waits.until("the lock is released", () -> booth.high(RELAY_2));
    booth.bounce(CONTACT_2, false);
    booth.bounce(EXIT_2, false);
    Waits.until("the door reports open", () -> !doorStates("door-2").isEmpty());

    assertEquals(1, booth.listener.events("door-2", EventKinds.DOOR_EXIT).size(), "one press, however it bounced");
    assertFalse(doorStates("door-2").get(0).payload().getBoolean("forced"));
    assertTrue(booth.listener.alarms("door-2", "FORCED").isEmpty());
    assertTrue(booth.listener.requests.isEmpty(), "egress asks nobody");
    assertFalse(booth.high(RELAY_1), "only its own door");
    Waits.until("the lock engages again", () -> !booth.high(RELAY_2));
    assertEquals(1, booth.driver.stats().exitRequests());
  }

  @Test
  void givenTheDoorOpenedWhileLocked_thenItIsForced() {
    booth.bounce(CONTACT_2, false);

    Waits.until("a FORCED alarm", () -> !booth.listener.alarms("door-2", "FORCED").isEmpty());
    DeviceEvent state = doorStates("door-2").get(0);
    assertEquals("open", state.payload().getString("state"));
    assertTrue(state.payload().getBoolean("forced"));
    assertEquals(Severity.ALARM, booth.listener.alarms("door-2", "FORCED").get(0).severity());
    assertEquals(1, booth.driver.stats().forcedAlarms());
  }

  @Test
  void givenAContactThatBouncesButSettlesClosed_thenNothingIsReported() {
    // A slammed door rattling its contact: open-closed chatter shorter than the debounce.
    for (int i = 0; i < 3; i++) {
      booth.set(CONTACT_2, false);
      MockBooth.park(4_000);
      booth.set(CONTACT_2, true);
      MockBooth.park(4_000);
    }
    // A release and relock afterwards proves the driver has handled everything before it.
    booth.await(booth.driver.execute(new DeviceCommand.Open("door-1", 100, "test")));
    Waits.until("door-1 relocked", () -> !booth.high(RELAY_1));

    assertTrue(doorStates("door-2").isEmpty());
    assertTrue(booth.listener.alarms("door-2", "FORCED").isEmpty());
  }

  @Test
  void givenAReleasedDoorLeftOpen_thenItIsHeldOpenAndClosingEndsIt() {
    booth.await(booth.driver.execute(new DeviceCommand.Open("door-1", 200, "remote")));
    booth.bounce(CONTACT_1, false);

    Waits.until("a HELD_OPEN alarm", () -> !booth.listener.alarms("door-1", "HELD_OPEN").isEmpty());
    assertFalse(doorStates("door-1").get(0).payload().getBoolean("forced"), "it was released");
    assertEquals(Severity.WARNING, booth.listener.alarms("door-1", "HELD_OPEN").get(0).severity());

    booth.bounce(CONTACT_1, true);
    Waits.until("the door reports closed", () -> doorStates("door-1").size() == 2);
    assertEquals("closed", doorStates("door-1").get(1).payload().getString("state"));
    assertEquals(1, booth.listener.alarms("door-1", "HELD_OPEN").size(), "one alarm per opening");
    assertEquals(1, booth.driver.stats().heldOpenAlarms());
  }

  @Test
  void givenADoorsHeldOpenTimeChangedWhileServed_thenItsNextReleaseLeftOpenIsHeldOpenAfterTheNewTime() {
    // door-1 starts with a minute, longer than any wait here: only the change can bring the alarm.
    BoothLayout slowDoor = new BoothLayout(List.of(new BoothLayout.Door("door-1", RELAY_1, CONTACT_1,
        MockBooth.EXIT_1, 60_000)), List.of(), List.of(), List.of(), List.of(), MockBooth.TIMING);
    try (MockBooth slow = MockBooth.started(slowDoor, List.of(CONTACT_1))) {
      slow.await(slow.driver.heldOpenAfter("door-1", MockBooth.TIMING.heldOpenMs()));
      slow.await(slow.driver.execute(new DeviceCommand.Open("door-1", 200, "remote")));
      slow.bounce(CONTACT_1, false);

      Waits.until("a HELD_OPEN alarm", () -> !slow.listener.alarms("door-1", "HELD_OPEN").isEmpty());
      AssertionError noDoor = assertThrows(AssertionError.class,
          () -> slow.await(slow.driver.heldOpenAfter("door-9", 5_000)));
      assertTrue(noDoor.getMessage().contains("no gpio-door door-9"), noDoor.getMessage());
    }
  }

  @Test
  void givenAReleasedDoorClosedInTime_thenThereIsNoHeldOpenAlarm() {
    booth.await(booth.driver.execute(new DeviceCommand.Open("door-1", 200, "remote")));
    booth.bounce(CONTACT_1, false);
    Waits.until("the door reports open", () -> doorStates("door-1").size() == 1);
    booth.bounce(CONTACT_1, true);
    Waits.until("the door reports closed", () -> doorStates("door-1").size() == 2);

    // Past the held-open time: a second door's release and relock marks that it has gone by.
    Waits.sleep(MockBooth.TIMING.heldOpenMs());
    booth.await(booth.driver.execute(new DeviceCommand.Open("door-2", 50, "test")));
    Waits.until("door-2 relocked", () -> !booth.high(RELAY_2));
    assertTrue(booth.listener.alarms("door-1", "HELD_OPEN").isEmpty());
  }

  @Test
  void holdOpenKeepsTheLockReleasedUntilEnded() {
    booth.await(booth.driver.execute(new DeviceCommand.HoldOpen("door-1", true)));
    assertTrue(booth.high(RELAY_1));
    booth.bounce(CONTACT_1, false);

    // Longer than a release and the held-open time: held means held, with no alarm.
    Waits.sleep(MockBooth.TIMING.heldOpenMs() + 200);
    assertTrue(booth.high(RELAY_1));
    assertTrue(booth.listener.alarms("door-1", "HELD_OPEN").isEmpty());
    assertTrue(booth.listener.alarms("door-1", "FORCED").isEmpty());

    booth.await(booth.driver.execute(new DeviceCommand.HoldOpen("door-1", false)));
    assertFalse(booth.high(RELAY_1));
  }

  @Test
  void anOpenCommandUsesTheDefaultTimeWhenItGivesNone() {
    booth.await(booth.driver.execute(new DeviceCommand.Open("door-2", 0, "remote")));
    assertTrue(booth.high(RELAY_2));
    Waits.until("relocked after the default release", () -> !booth.high(RELAY_2));
  }

  @Test
  void commandsForOtherDevicesOrOfOtherKindsAreRefused() {
    Throwable unknown = booth.driver.execute(new DeviceCommand.Open("ft-g1-l1", 100, "remote"))
        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).join();
    assertInstanceOf(IllegalArgumentException.class, unknown);

    Throwable wrongKind = booth.driver.execute(new DeviceCommand.DeletePersons("door-1", List.of("R1")))
        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).join();
    assertInstanceOf(IllegalArgumentException.class, wrongKind);
  }

  private List<DeviceEvent> doorStates(String device) {
    return booth.listener.events(device, EventKinds.DOOR_STATE);
  }
}
