package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.EstateConfig.Door;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The files the project ships must load as they are; Maven runs this with the gateway module as working directory. */
class ConfigShippedFilesTest {
  private static final Path CONFIG = Path.of("..", "config");

  @Test
  void demoConfigurationLoadsTheReferenceEstate() throws ConfigException {
    GatewayConfig config = ConfigLoader.load(CONFIG.resolve("gateway.yaml"));
    EstateConfig estate = config.estate();

    assertEquals("xihu-haoyuan", estate.id());
    assertEquals("西湖豪苑", estate.name());
    assertEquals(12, estate.buildings().size());
    assertEquals(32, estate.devicesOfType(EstateConfig.FACE_TERMINAL).size());
    assertEquals(24, estate.doors().stream().filter(d -> d.kind().equals(EstateConfig.UNIT_DOOR)).count());
    Door unitDoor = estate.door("B12-U2").orElseThrow();
    assertEquals("12栋2单元", unitDoor.name());
    assertEquals("B12", unitDoor.building());
    assertEquals("FT8-B12U2", estate.devicesById().get(unitDoor.devices().get(0)).sn());
    assertEquals(List.of("bar-f1"), estate.door("F1").orElseThrow().devices());
  }

  @Test
  void everyLaneOfTheReferenceEstateHasItsBarrier() throws ConfigException {
    EstateConfig estate = ConfigLoader.loadEstate(CONFIG.resolve("estates/xihu-haoyuan.yaml"));

    Map<String, String> laneByDoor = estate.devicesOfType(EstateConfig.BARRIER).stream()
        .collect(Collectors.toMap(EstateConfig.Device::door, EstateConfig.Device::lane));
    assertEquals(Map.of("V1-L1", "V1-L1", "V1-L2", "V1-L2", "E1", "E1", "F1", "F1"), laneByDoor);
    assertTrue(estate.door("F1").orElseThrow().egress(), "a fire holds the fire lane's arm up");
    assertFalse(estate.door("V1-L1").orElseThrow().egress(), "a fire leaves the vehicle gate alone");
  }

  @Test
  void demoConfigurationMatchesTheDefaults() throws ConfigException {
    GatewayConfig config = ConfigLoader.load(CONFIG.resolve("gateway.yaml"));

    assertTrue(config.broker().embedded());
    assertEquals("tcp://127.0.0.1:1883", config.broker().connectUrl());
    assertEquals(new GatewayConfig.WebConfig(ConfigDefaults.WEB_BIND, ConfigDefaults.WEB_PORT), config.web());
    assertEquals(new GatewayConfig.DeviceTiming(30, 3), config.devices());
    assertFalse(config.upstream().enabled());
    assertEquals(new GatewayConfig.LoggingConfig("INFO", null), config.logging());
    assertEquals(Path.of("data").toAbsolutePath(), config.dataDir());
    assertTrue(config.sourceFile().isAbsolute());
  }

  @Test
  void productionConfigurationValidates() throws ConfigException {
    GatewayConfig config = ConfigLoader.load(CONFIG.resolve("gateway.production.yaml"));

    assertFalse(config.broker().embedded());
    assertEquals("tcp://127.0.0.1:1883", config.broker().connectUrl());
    assertEquals(Path.of("/var/lib/doorstep"), config.dataDir());
    assertNull(config.logging().file());
    assertEquals(32, config.estate().devicesOfType(EstateConfig.FACE_TERMINAL).size());
    // 4 sheds of 12 piles, one RS-485 line each, as the reference estate has.
    assertEquals(48, config.estate().devicesOfType(EstateConfig.CHARGING_PILE).size());
    assertEquals(4, config.estate().lines().size());
    assertEquals(12, config.estate().devicesOn("shed3-bus").size());
    assertEquals(16000, config.estate().charging().shed("S2").orElseThrow().powerBudgetW());
    assertEquals(java.util.Set.of("EBC-10", "FWM-4"), config.estate().profiles().keySet());
  }

  @Test
  void estateLoadsOnItsOwn() throws ConfigException {
    EstateConfig estate = ConfigLoader.loadEstate(CONFIG.resolve("estates/xihu-haoyuan.yaml"));

    assertEquals(8 + 24 + 2 + 1 + 1, estate.doors().size());
    assertEquals("G1-L1", estate.devicesById().get("ft-g1-l1").door());
  }
}
