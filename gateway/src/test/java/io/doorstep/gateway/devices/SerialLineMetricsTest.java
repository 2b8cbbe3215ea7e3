package io.doorstep.gateway.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorstep.drivers.modbus.PolledDevice;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A line's per-device meters follow its devices, so that removed piles leave nothing on /metrics. */
class SerialLineMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SerialLineMetrics metrics = new SerialLineMetrics(registry);
  /** The meters count units, whatever their register map. */
  private final DeviceProfile ebc10 = null;

  @Test
  void aRemovedDevicesMetersGoAndANewOnesCome() {
    metrics.register("shed-bus", () -> null, List.of(new PolledDevice("pile-1", 1, ebc10),
        new PolledDevice("pile-2", 2, ebc10)));
    assertEquals(Set.of("pile-1", "pile-2"), devicesMetered());

    metrics.devices("shed-bus", List.of(new PolledDevice("pile-1", 1, ebc10), new PolledDevice("pile-4", 4, ebc10)));
    assertEquals(Set.of("pile-1", "pile-4"), devicesMetered());
    assertEquals(8, registry.find("doorstep.modbus.device.transactions").meters().size()
        + registry.find("doorstep.modbus.device.timeouts").meters().size()
        + registry.find("doorstep.modbus.device.crc.errors").meters().size()
        + registry.find("doorstep.modbus.device.exceptions").meters().size(), "four meters a device, none left over");

    metrics.devices("shed-bus", List.of(new PolledDevice("pile-1", 7, ebc10)));
    assertEquals(Set.of("pile-1"), devicesMetered());
    assertEquals(1, registry.find("doorstep.modbus.device.transactions").meters().size());
  }

  private Set<String> devicesMetered() {
    return registry.find("doorstep.modbus.device.transactions").meters().stream()
        .map(m -> m.getId().getTag("device")).collect(Collectors.toSet());
  }
}
