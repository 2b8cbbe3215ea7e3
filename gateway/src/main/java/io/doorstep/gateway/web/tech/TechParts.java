package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.Restarts;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.devices.DeviceEditor;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.SerialLinesVerticle;
import io.doorstep.gateway.doors.DoorTimingEditor;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.trends.Trends;

/**
 * The parts of the running gateway the technician console looks into. The charging limits are
 * reached over the event bus, as the platform reaches them.
 *
 * @param recentLog the log's last lines kept in memory, for when no log file is configured
 * @param devices the devices as served, file and console edits together, and the way to change them
 * @param doorTimings the door timings in force and the way to change them
 * @param restarts the way to restart the gateway, so that an imported configuration applies
 */
public record TechParts(
    GatewayConfig config,
    Store store,
    DeviceRegistry registry,
    SerialLinesVerticle serialLines,
    Trends trends,
    RecentLog recentLog,
    DeviceEditor devices,
    DoorTimingEditor doorTimings,
    Restarts restarts) {}
