package io.doorstep.gateway.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.device.DeviceCommand;
import io.doorstep.device.EventKinds;
import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.fire.DomainHarness;
import io.doorstep.gateway.fire.Eventually;
import io.doorstep.gateway.fire.FakeDevices.Behaviour;
import io.doorstep.gateway.fire.FireBus;
import io.doorstep.gateway.fire.FireMode;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote open by door id, against fake devices. */
class DoorServiceTest {
  @TempDir Path dir;
  private DomainHarness h;
  private FireMode fire;

  @BeforeEach
  void start() throws Exception {
    h = DomainHarness.start(dir);
    fire = new FireMode(h.estate);
    h.deploy(new DoorService(h.store, h.estate, fire,
        DoorTimings.everywhere(DoorTiming.DEFAULTS.with(Map.of(DoorTiming.REMOTE_OPEN_MS, 4000)))));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void everyDeviceOfTheDoorIsReleasedAndWhoAskedIsRecorded() throws Exception {
    DoorBus.DoorOpened opened = h.request(DoorBus.OPEN, new DoorBus.OpenDoor("G1", "王保安", 0));

    assertEquals(List.of("ft-g1a", "ft-g1b"), opened.devices());
    assertEquals(4000, opened.openMs());
    assertFalse(opened.heldByFire());
    assertEquals(List.of(new DeviceCommand.Open("ft-g1a", 4000, "remote"), new DeviceCommand.Open("ft-g1b", 4000, "remote")),
        h.devices.received());
    Eventually.until("audited", () -> h.audit().contains(List.of("王保安", "door.open", "G1")));
    Eventually.until("in the log", () -> h.events(EventKinds.DOOR_REMOTE_OPEN).size() == 1);
  }

  @Test
  void aSilentDeviceFailsWithATimeOutThatSaysTheDoorMayHaveOpened() throws Exception {
    h.devices.set("ft-u1", Behaviour.SILENT);

    ReplyException e = h.refusal(DoorBus.OPEN, new DoorBus.OpenDoor("U1", "王保安", 3000));

    assertEquals(CommandFailures.DEVICE_TIMEOUT, e.failureCode());
    assertEquals("door U1 (1单元): ft-u1 did not acknowledge the open in time; it may be offline,"
        + " and the door may or may not have opened", e.getMessage());
    Eventually.until("the failed attempt is audited too", () -> h.audit().contains(List.of("王保安", "door.open", "U1")));
  }

  @Test
  void aRefusingDeviceIsReported() throws Exception {
    h.devices.set("ft-f1", Behaviour.REFUSE);
    ReplyException e = h.refusal(DoorBus.OPEN, new DoorBus.OpenDoor("F1", "王保安", 0));
    assertEquals(DoorBus.REFUSED, e.failureCode());
    assertTrue(e.getMessage().contains("BAD_REQUEST"), e.getMessage());
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsSent() throws Exception {
    assertEquals(DoorBus.NO_SUCH_DOOR, h.refusal(DoorBus.OPEN, new DoorBus.OpenDoor("G9", "王保安", 0)).failureCode());
    assertEquals(DoorBus.INVALID, h.refusal(DoorBus.OPEN, new DoorBus.OpenDoor("G1", "", 0)).failureCode());
    assertEquals(DoorBus.INVALID, h.refusal(DoorBus.OPEN, new DoorBus.OpenDoor("G1", "王保安", 600_000)).failureCode());
    assertTrue(h.devices.received().isEmpty());
  }

  @Test
  void aDoorHeldByFireModeIsNotTouched() throws Exception {
    h.deploy(h.fireService(fire));
    h.request(FireBus.TRIGGER, new FireBus.Trigger("王保安", null));
    Eventually.until("held", () -> h.devices.held("ft-u1"));
    int sent = h.devices.received().size();

    DoorBus.DoorOpened opened = h.request(DoorBus.OPEN, new DoorBus.OpenDoor("U1", "王保安", 0));

    assertTrue(opened.heldByFire());
    assertTrue(h.devices.received().subList(sent, h.devices.received().size()).stream()
        .noneMatch(c -> c instanceof DeviceCommand.Open), "a timed release could end in a re-lock");
    DoorBus.DoorOpened ebike = h.request(DoorBus.OPEN, new DoorBus.OpenDoor("E1", "王保安", 0));
    assertFalse(ebike.heldByFire(), "fire mode does not hold the e-bike gate");
  }
}
