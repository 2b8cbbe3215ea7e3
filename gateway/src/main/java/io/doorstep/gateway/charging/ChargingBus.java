package io.doorstep.gateway.charging;

import io.doorstep.gateway.bus.CommandFailures;
import io.doorstep.gateway.bus.LocalCodec;
import io.vertx.core.eventbus.EventBus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The charging rules' addresses, messages and failure codes, defined once. */
public final class ChargingBus {
  /**
   * Request {@link SetLimits}, reply {@link PileLimits}: one pile's limits replaced live, all of
   * the changes or none, and a change is saved before it applies, to hold across a restart. No
   * changes only asks for the pile's effective limits. Fails {@link #NO_SUCH_PILE}, {@link #INVALID}
   * with every problem in the message, or {@link #NOT_SAVED}.
   */
  public static final String LIMITS = "doorstep.charging.limits";

  /**
   * Request {@link StopRequest}, reply {@link StopWritten} once the pile took the stop command (the
   * read-back that shows the relay open comes after, as for every stop). Fails
   * {@link #NO_SUCH_PILE}, {@link #INVALID}, or with the command's {@link CommandFailures} code.
   */
  public static final String STOP = "doorstep.charging.stop";

  /**
   * Request {@link PortsCharging}, reply {@link ChargingPorts}: the pile's ports with a charge
   * going on (a session open), which the pile must not leave the rules with. A pile in no shed
   * has none. Asked before a pile is changed or removed on the technician console.
   */
  public static final String PORTS_CHARGING = "doorstep.charging.ports-charging";

  public static final int INVALID = 400;
  public static final int NO_SUCH_PILE = 404;
  public static final int NOT_SAVED = 500;

  private ChargingBus() {}

  /** @param changes limit name → new value; the names are {@link SafetyLimits#keys()} */
  public record SetLimits(String pile, Map<String, Number> changes) {
    public SetLimits {
      changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
  }

  /** @param before the limits until this change; equal to {@code effective} when nothing changed */
  public record PileLimits(String pile, Map<String, Number> before, Map<String, Number> effective) {
    public PileLimits {
      before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
      effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }
  }

  /** @param reason why, as the session's end will record it ({@link StopReason#REMOTE} for the platform) */
  public record StopRequest(String pile, int port, StopReason reason) {}

  /**
   * @param alreadyStopping a stop of this port was under way: nothing new was sent
   * @param relayBefore the port's relay as last read before the stop: open means it was not charging
   */
  public record StopWritten(String pile, int port, boolean alreadyStopping, Relay relayBefore) {}

  public record PortsCharging(String pile) {}

  /** @param ports in order; empty when none charges */
  public record ChargingPorts(String pile, List<Integer> ports) {
    public ChargingPorts {
      ports = List.copyOf(ports);
    }
  }

  /** A port's relay as the gateway last read it. */
  public enum Relay {
    CLOSED, OPEN, UNREAD;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static void registerCodecs(EventBus bus) {
    LocalCodec.register(bus, SetLimits.class);
    LocalCodec.register(bus, PileLimits.class);
    LocalCodec.register(bus, StopRequest.class);
    LocalCodec.register(bus, StopWritten.class);
    LocalCodec.register(bus, PortsCharging.class);
    LocalCodec.register(bus, ChargingPorts.class);
  }
}
