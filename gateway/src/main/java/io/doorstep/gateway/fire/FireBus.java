package io.doorstep.gateway.fire;

import io.doorstep.gateway.bus.LocalCodec;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** The fire service's addresses, messages and failure codes, defined once. */
public final class FireBus {
  /**
   * Request {@link Trigger}, reply {@link FireStatus}: a person starts fire mode by hand (the
   * page's button, later). Anyone may: releasing the doors is the safe direction.
   */
  public static final String TRIGGER = "doorstep.fire.trigger";

  /**
   * Request {@link Reset}, reply {@link ResetDone}. Fails {@link #NOT_ALLOWED} for a role that
   * may not reset, {@link #STILL_ALARMING} while a fire source still reports fire,
   * {@link #INVALID} without a name or role, {@link #NOT_SAVED} if the store cannot record it.
   */
  public static final String RESET = "doorstep.fire.reset";

  /** Request {@link StatusQuery}, reply {@link FireStatus}. */
  public static final String STATUS = "doorstep.fire.status";

  /**
   * Send {@code DeviceEvent} of kind fire.alarm or fire.clear, straight from the driver's send
   * to the event log ({@link FireEventTap}): fire release does not wait for the disk.
   */
  static final String SOURCE_EVENTS = "doorstep.fire.source-events";

  public static final int INVALID = 400;
  public static final int NOT_ALLOWED = 403;
  public static final int STILL_ALARMING = 409;
  public static final int NOT_SAVED = 500;

  private FireBus() {}

  /** @param reason what the person saw, or null */
  public record Trigger(String by, String reason) {}

  /** @param role the person's role: admin or technician may reset (logins come in a later release) */
  public record Reset(String by, String role) {}

  public record StatusQuery() {}

  /**
   * @param sinceTs Unix ms fire mode began, 0 when not active
   * @param source the device that reported fire, or "gateway" for a manual trigger; null when not active
   * @param sourcesReportingFire fire sources that report fire right now (a reset waits for none)
   * @param unconfirmed egress devices that have not yet acknowledged the current hold state
   * @param egressDevices how many devices fire mode holds open
   */
  public record FireStatus(boolean active, long sinceTs, String source, String reason,
      List<String> sourcesReportingFire, List<String> unconfirmed, int egressDevices) {
    public FireStatus {
      sourcesReportingFire = List.copyOf(sourcesReportingFire);
      unconfirmed = List.copyOf(unconfirmed);
    }
  }

  /**
   * @param ended false when fire mode was not active: nothing was done
   * @param devices how many devices are told to end their hold
   */
  public record ResetDone(String by, String role, boolean ended, int devices) {}

  public static void registerCodecs(EventBus bus) {
    LocalCodec.register(bus, Trigger.class);
    LocalCodec.register(bus, Reset.class);
    LocalCodec.register(bus, StatusQuery.class);
    LocalCodec.register(bus, FireStatus.class);
    LocalCodec.register(bus, ResetDone.class);
  }
}
