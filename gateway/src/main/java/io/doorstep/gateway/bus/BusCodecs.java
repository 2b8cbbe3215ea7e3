package io.doorstep.gateway.bus;

import io.doorstep.device.AccessDecision;
import io.doorstep.device.AccessRequest;
import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.device.DeviceEvent;
import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.gateway.alarms.AlarmBus;
import io.doorstep.gateway.charging.ChargingBus;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.doors.DoorBus;
import io.doorstep.gateway.doors.DoorTimings;
import io.doorstep.gateway.fire.FireBus;
import io.vertx.core.eventbus.EventBus;

/** Every message record of the gateway's bus, registered once for a Vert.x instance. */
public final class BusCodecs {
  private BusCodecs() {}

  public static void registerAll(EventBus bus) {
    LocalCodec.register(bus, AccessRequest.class);
    LocalCodec.register(bus, AccessDecision.class);
    LocalCodec.register(bus, DeviceEvent.class);
    LocalCodec.register(bus, OfflinePassages.class);
    LocalCodec.register(bus, Presence.class);
    LocalCodec.register(bus, DeviceStatus.class);
    LocalCodec.register(bus, DeviceCommand.Open.class);
    LocalCodec.register(bus, DeviceCommand.HoldOpen.class);
    LocalCodec.register(bus, DeviceCommand.UpsertPersons.class);
    LocalCodec.register(bus, DeviceCommand.DeletePersons.class);
    LocalCodec.register(bus, DeviceCommand.Invoke.class);
    LocalCodec.register(bus, DeviceCommand.Refresh.class);
    LocalCodec.register(bus, DeviceReading.class);
    LocalCodec.register(bus, CommandResult.class);
    LocalCodec.register(bus, PersonsChanged.class);
    LocalCodec.register(bus, EstateConfig.class);
    LocalCodec.register(bus, DoorTimings.class);
    AlarmBus.registerCodecs(bus);
    DoorBus.registerCodecs(bus);
    FireBus.registerCodecs(bus);
    ChargingBus.registerCodecs(bus);
  }
}
