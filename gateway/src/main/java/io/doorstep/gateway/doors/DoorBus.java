package io.doorstep.gateway.doors;

import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.bus.LocalCodec;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** The door service's addresses, messages and failure codes, defined once. */
public final class DoorBus {
  /**
   * Request {@link OpenDoor}, reply {@link DoorOpened} once every device of the door has
   * acknowledged. Fails {@link #INVALID}, {@link #NO_SUCH_DOOR}, {@link #NO_DEVICE},
   * {@link #REFUSED}, or with the device command's own code:
   * {@link CommandFailures#DEVICE_TIMEOUT} (the device did not answer: it may or may not have
   * opened) or {@link CommandFailures#LINK_DOWN}.
   */
  public static final String OPEN = "doorstep.doors.open";

  public static final int INVALID = 400;
  public static final int NO_SUCH_DOOR = 404;
  public static final int NO_DEVICE = 409;
  /** The device answered, and said no. */
  public static final int REFUSED = 502;

  private DoorBus() {}

  /**
   * @param by who opens it (a login name in a later release); recorded in the audit trail
   * @param openMs how long the lock stays released; 0 for the service's default
   */
  public record OpenDoor(String door, String by, int openMs) {}

  /** @param heldByFire true when fire mode holds the door open already: nothing was sent */
  public record DoorOpened(String door, List<String> devices, int openMs, boolean heldByFire) {
    public DoorOpened {
      devices = List.copyOf(devices);
    }
  }

  public static void registerCodecs(EventBus bus) {
    LocalCodec.register(bus, OpenDoor.class);
    LocalCodec.register(bus, DoorOpened.class);
  }
}
