package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PersonForm;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
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
    assertEquals("unknown method explode; this gateway knows open, stopPort, setLimits, pushPerson, removePerson",
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

  @Test
  void pushPersonTakesTheOfficeFormOnATerminalOrADoor() {
    String params = "{\"personId\": \"R2001\", \"name\": \"李四\", \"kind\": \"resident\", "
        + "\"household\": \"B01-U1-101\", \"validTo\": \"2027-06-30\", \"cards\": [\"04A1B2C3\"], "
        + "\"plates\": [], \"ebikeTags\": [\"E-7\"]}";
    RpcCommand.PushPerson push = (RpcCommand.PushPerson) all.check(rpc("ft-2", "pushPerson", params)).command();

    assertEquals(new PersonForm("R2001", "李四", "resident", "B01-U1-101", null, "2027-06-30", List.of("04A1B2C3"),
        List.of(), List.of(), List.of("E-7")), push.form());
    assertNull(push.faceJpeg(), "no photo sent, none to set");
    assertTrue(all.check(rpc("G1", "pushPerson", "{\"personId\": \"R2001\"}")).command()
        instanceof RpcCommand.PushPerson, "a door is addressed as well");
    assertEquals("pushPerson is for a face terminal or a door; pile-1 is a charging-pile",
        all.check(rpc("pile-1", "pushPerson", params)).refusal());
    assertEquals("removePerson is for a face terminal or a door; gd-1 is a gpio-door",
        all.check(rpc("gd-1", "removePerson", "{\"personId\": \"R2001\"}")).refusal());
  }

  @Test
  void pushPersonRefusesAWrongShapeNamingEveryField() {
    assertEquals("personId must be a text, got none; name must be a text, got 5; "
            + "cards must be a list of texts, got \"04A1B2C3\"; ebikeTags must be a list of texts, got [1]",
        all.check(rpc("ft-1", "pushPerson",
            "{\"name\": 5, \"cards\": \"04A1B2C3\", \"ebikeTags\": [1]}")).refusal());
    assertEquals("unknown parameter id, photo; expected cards, ebikePlates, ebikeTags, faceJpeg, household, kind, "
            + "name, personId, plates, validFrom, validTo",
        all.check(rpc("ft-1", "pushPerson", "{\"id\": \"R1\", \"photo\": \"\"}")).refusal());
    RpcCheck none = new RpcCheck(ESTATE, new GatewayConfig.Rpc(List.of("open")));
    assertEquals("method pushPerson is not allowed on this gateway",
        none.check(rpc("ft-1", "pushPerson", "{\"personId\": \"R1\"}")).refusal());
  }

  @Test
  void aPushedFaceIsCheckedAsTheOfficesPhotoUploadChecksIt() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    RpcCommand.PushPerson push = (RpcCommand.PushPerson) all.check(rpc("ft-1", "pushPerson",
        face(Base64.getEncoder().encodeToString(jpeg)))).command();
    assertArrayEquals(jpeg, push.faceJpeg());

    assertEquals("faceJpeg: the photo is not a JPEG", all.check(rpc("ft-1", "pushPerson",
        face(Base64.getEncoder().encodeToString("GIF89a".getBytes())))).refusal());
    assertEquals("faceJpeg: the photo is empty", all.check(rpc("ft-1", "pushPerson", face(""))).refusal());
    assertTrue(all.check(rpc("ft-1", "pushPerson", face("not base64!"))).refusal().startsWith("faceJpeg is not base64"));
    byte[] poster = new byte[FaceVault.MAX_PHOTO_BYTES + 1];
    poster[0] = (byte) 0xFF;
    poster[1] = (byte) 0xD8;
    poster[2] = (byte) 0xFF;
    assertEquals("faceJpeg: the photo is larger than 2 MiB: a terminal needs a face, not a poster",
        all.check(rpc("ft-1", "pushPerson", face(Base64.getEncoder().encodeToString(poster)))).refusal());
    assertEquals("faceJpeg must be a JPEG in base64, got 12", all.check(rpc("ft-1", "pushPerson",
        "{\"personId\": \"R1\", \"faceJpeg\": 12}")).refusal());
  }

  @Test
  void removePersonTakesOnlyAPersonId() {
    assertEquals(new RpcCommand.RemovePerson("R2001"),
        all.check(rpc("ft-1", "removePerson", "{\"personId\": \"R2001\"}")).command());
    assertEquals("personId must be a person's id, got none", all.check(rpc("ft-1", "removePerson", "{}")).refusal());
    assertEquals("personId must be a person's id, got 7",
        all.check(rpc("ft-1", "removePerson", "{\"personId\": 7}")).refusal());
    assertEquals("unknown parameter name; expected personId",
        all.check(rpc("ft-1", "removePerson", "{\"personId\": \"R1\", \"name\": \"x\"}")).refusal());
  }

  private static String face(String base64) {
    return new JsonObject().put("personId", "R1").put("faceJpeg", base64).encode();
  }

  private static RpcRequest rpc(String device, String method, String params) {
    return new RpcRequest(device, 1, method, new JsonObject(params));
  }
}
