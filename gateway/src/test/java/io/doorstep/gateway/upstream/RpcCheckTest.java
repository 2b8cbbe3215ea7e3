package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the platform may ask of which device, decided before anything is done. */
class RpcCheckTest {
  private static final EstateConfig ESTATE = new EstateConfig("e", "小区", List.of(),
      List.of(new EstateConfig.Door("G1", "南门", "pedestrian-gate", null, null, List.of("ft-1")),
          new EstateConfig.Door("B1", "1栋", "unit-door", null, null, List.of()),
          new EstateConfig.Door("V1", "车行道 1", "vehicle-gate", null, null, List.of("bar-v1"))),
      List.of(new EstateConfig.Device("ft-1", EstateConfig.FACE_TERMINAL, "SN1", "mqtt", null),
          new EstateConfig.Device("gd-1", EstateConfig.GPIO_DOOR, null, "gpio", "B1"),
          new EstateConfig.Device("ft-2", EstateConfig.FACE_TERMINAL, "SN2", "mqtt", null),
          new EstateConfig.Device("pile-1", EstateConfig.CHARGING_PILE, null, "shed-bus", null),
          new EstateConfig.Device("bar-v1", EstateConfig.BARRIER, "V1", "mqtt", null)));
  private final RpcCheck all = new RpcCheck(ESTATE, new GatewayConfig.Rpc(RpcCheck.METHODS));

  @Test
  void aTerminalOpensItsDoorAndADoorIdIsTakenToo() {
    assertEquals(new RpcCommand.OpenDoor("G1", 5000), all.check(rpc("ft-1", "open", "{\"openMs\": 5000}")).command());
    assertEquals(new RpcCommand.OpenDoor("G1", 0), all.check(rpc("G1", "open", "{}")).command());
    assertEquals(new RpcCommand.OpenDoor("B1", 0), all.check(rpc("gd-1", "open", "{}")).command());
  }

  @Test
  void anOpenOfABarrierOpensItsLane() {
    assertEquals(new RpcCommand.OpenDoor("V1", 0), all.check(rpc("bar-v1", "open", "{}")).command());
  }

  @Test
  void anUnknownDeviceComesFirst() {
    assertEquals("no device gate-9 on this gateway", all.check(rpc("gate-9", "open", "{}")).refusal());
  }

  @Test
  void anUnknownMethodIsNamedAndSoAreTheKnownOnes() {
    assertEquals("unknown method explode; this gateway knows open, stopPort, setLimits",
        all.check(rpc("ft-1", "explode", "{}")).refusal());
  }

  @Test
  void aKnownMethodOutsideTheAllowListIsRefused() {
    RpcCheck onlyOpen = new RpcCheck(ESTATE, new GatewayConfig.Rpc(List.of("open")));
    assertEquals("method stopPort is not allowed on this gateway",
        onlyOpen.check(rpc("pile-1", "stopPort", "{\"port\": 3}")).refusal());
    assertEquals("method open is not allowed on this gateway",
        new RpcCheck(ESTATE, new GatewayConfig.Rpc(List.of())).check(rpc("ft-1", "open", "{}")).refusal());
  }

  @Test
  void aMethodOnTheWrongKindOfDeviceIsRefused() {
    assertEquals("open is for a door, a face terminal, a gpio-door or a barrier; pile-1 is a charging-pile",
        all.check(rpc("pile-1", "open", "{}")).refusal());
    assertEquals("stopPort is for a charging pile; ft-1 is a face-terminal",
        all.check(rpc("ft-1", "stopPort", "{\"port\": 1}")).refusal());
    assertEquals("setLimits is for a charging pile; G1 is a door",
        all.check(rpc("G1", "setLimits", "{\"overPowerW\": 600}")).refusal());
    assertEquals("ft-2 belongs to no door", all.check(rpc("ft-2", "open", "{}")).refusal());
  }

  @Test
  void openTakesOnlyAWholeOpenMs() {
    assertEquals("openMs must be a whole number of milliseconds, got \"5000\"",
        all.check(rpc("ft-1", "open", "{\"openMs\": \"5000\"}")).refusal());
    assertEquals("unknown parameter door; expected openMs", all.check(rpc("ft-1", "open", "{\"door\": 1}")).refusal());
  }

  @Test
  void stopPortTakesPortsOneToTen() {
    assertEquals(new RpcCommand.StopPort("pile-1", 10), all.check(rpc("pile-1", "stopPort", "{\"port\": 10}")).command());
    for (String bad : List.of("{\"port\": 0}", "{\"port\": 11}", "{\"port\": 2.5}", "{\"port\": \"3\"}", "{}")) {
      assertNull(all.check(rpc("pile-1", "stopPort", bad)).command(), bad);
    }
    assertEquals("port must be a whole number from 1 to 10, got 11",
        all.check(rpc("pile-1", "stopPort", "{\"port\": 11}")).refusal());
    assertEquals("port must be a whole number from 1 to 10, got none",
        all.check(rpc("pile-1", "stopPort", "{}")).refusal());
  }

  @Test
  void setLimitsChecksEachValueAndNamesEveryProblem() {
    assertEquals(new RpcCommand.SetLimits("pile-1", Map.of("overPowerW", 600, "plugHotC", 65.5)),
        all.check(rpc("pile-1", "setLimits", "{\"overPowerW\": 600, \"plugHotC\": 65.5}")).command());
    assertEquals("overPowerW must be between 50 and 3000 W, got 5000",
        all.check(rpc("pile-1", "setLimits", "{\"overPowerW\": 5000}")).refusal());
    assertEquals("overPowerW must be a number, got \"600\"",
        all.check(rpc("pile-1", "setLimits", "{\"overPowerW\": \"600\", \"fullMinutes\": 60}")).refusal());
    assertEquals("overPowerSeconds must be a whole number of s, got 2.5; plugHotC must be between 40 and 100 °C, got 200",
        all.check(rpc("pile-1", "setLimits", "{\"overPowerSeconds\": 2.5, \"plugHotC\": 200}")).refusal());
    assertEquals(Optional.of("unknown charging limit 'maxPowerW'; known: " + String.join(", ",
            io.doorstep.gateway.charging.SafetyLimits.keys())),
        RpcCheck.limits(Map.of("maxPowerW", 600)));
    assertEquals("setLimits needs at least one limit; known: " + String.join(", ",
            io.doorstep.gateway.charging.SafetyLimits.keys()),
        all.check(rpc("pile-1", "setLimits", "{}")).refusal());
  }

  private static RpcRequest rpc(String device, String method, String params) {
    return new RpcRequest(device, 1, method, new JsonObject(params));
  }
}
