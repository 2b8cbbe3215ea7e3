package io.doorstep.gateway.alarms;

import io.doorstep.gateway.bus.LocalCodec;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** The alarm service's addresses, messages and failure codes, defined once. */
public final class AlarmBus {
  /** Request {@link ActiveQuery}, reply {@link AlarmList}: alarms still open or not yet acknowledged. */
  public static final String ACTIVE = "doorstep.alarms.active";

  /**
   * Request {@link Acknowledge}, reply the {@link Alarm} as now stored. Fails with
   * {@link #INVALID}, {@link #NOT_FOUND}, {@link #ALREADY_ACKNOWLEDGED} or {@link #NOT_SAVED}.
   */
  public static final String ACK = "doorstep.alarms.ack";

  public static final int INVALID = 400;
  public static final int NOT_FOUND = 404;
  public static final int ALREADY_ACKNOWLEDGED = 409;
  public static final int NOT_SAVED = 500;

  /** Longest name and note a person may give; the page shows both in a list. */
  public static final int MAX_BY = 64;
  public static final int MAX_NOTE = 500;

  private AlarmBus() {}

  public record ActiveQuery() {}

  /** Newest first, at most a few hundred. */
  public record AlarmList(List<Alarm> alarms) {
    public AlarmList {
      alarms = List.copyOf(alarms);
    }
  }

  /**
   * A person saw the alarm.
   *
   * @param by who, as they are known on the page (a login name in a later release)
   * @param note what they found or did, or null
   */
  public record Acknowledge(long alarmId, String by, String note) {}

  public static void registerCodecs(EventBus bus) {
    LocalCodec.register(bus, ActiveQuery.class);
    LocalCodec.register(bus, AlarmList.class);
    LocalCodec.register(bus, Acknowledge.class);
    LocalCodec.register(bus, Alarm.class);
  }
}
