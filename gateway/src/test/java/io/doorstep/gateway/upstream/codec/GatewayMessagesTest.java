package io.doorstep.gateway.upstream.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GatewayMessagesTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String json(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void connectAndDisconnectRoundTripAsTheApiSpellsThem() throws Exception {
    DeviceConnect connect = new DeviceConnect("pile-s1-03", "charging-pile");
    assertEquals("{\"device\":\"pile-s1-03\",\"type\":\"charging-pile\"}", json(connect.encode()));
    assertEquals(connect, DeviceConnect.decode(connect.encode()));
    DeviceDisconnect disconnect = new DeviceDisconnect("南门-1");
    assertEquals("{\"device\":\"南门-1\"}", json(disconnect.encode()));
    assertEquals(disconnect, DeviceDisconnect.decode(disconnect.encode()));
  }

  @Test
  void deviceAttributesRoundTrip() throws Exception {
    Map<String, JsonObject> byDevice = new LinkedHashMap<>();
    byDevice.put("pile-s1-03", new JsonObject().put("firmware", "1.4").put("model", "EBC-10"));
    byDevice.put("ft-g1-l1", new JsonObject().put("name", "南门 1号通道"));
    DeviceAttributes attributes = new DeviceAttributes(byDevice);
    assertEquals("{\"pile-s1-03\":{\"firmware\":\"1.4\",\"model\":\"EBC-10\"},\"ft-g1-l1\":{\"name\":\"南门 1号通道\"}}",
        json(attributes.encode()));
    assertEquals(attributes, DeviceAttributes.decode(attributes.encode()));
  }

  @Test
  void rpcRequestAsThePlatformSendsIt() throws Exception {
    RpcRequest request = RpcRequest.decode(utf8(
        "{\"device\": \"Gate P1 lane 2\", \"data\": {\"id\": 7, \"method\": \"open\", \"params\": {\"openMs\": 5000}}}"));
    assertEquals(new RpcRequest("Gate P1 lane 2", 7, "open", new JsonObject().put("openMs", 5000)), request);
    assertEquals(request, RpcRequest.decode(request.encode()));
    assertEquals(new JsonObject(), RpcRequest.decode(utf8("{\"device\":\"d\",\"data\":{\"id\":1,\"method\":\"m\"}}")).params());
  }

  @Test
  void rpcRepliesRoundTrip() throws Exception {
    RpcReply ok = RpcReply.ok("Gate P1 lane 2", 7);
    assertEquals("{\"device\":\"Gate P1 lane 2\",\"id\":7,\"data\":{\"success\":true}}", json(ok.encode()));
    assertEquals(ok, RpcReply.decode(ok.encode()));
    RpcReply failed = RpcReply.failed("d", 8, "method 'explode' is not allowed");
    assertEquals("{\"device\":\"d\",\"id\":8,\"data\":{\"success\":false,\"error\":\"method 'explode' is not allowed\"}}",
        json(failed.encode()));
    assertEquals(failed, RpcReply.decode(failed.encode()));
    assertThrows(IllegalArgumentException.class, () -> new RpcReply("d", 1, true, "but"));
    RpcReply told = RpcReply.ok("pile-1", 9, new JsonObject().put("limits", new JsonObject().put("overPowerW", 600)));
    assertEquals("{\"device\":\"pile-1\",\"id\":9,\"data\":{\"success\":true,\"result\":{\"limits\":"
        + "{\"overPowerW\":600}}}}", new String(told.encode(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(told, RpcReply.decode(told.encode()));
    assertThrows(IllegalArgumentException.class, () -> new RpcReply("d", 1, false, "no", new JsonObject()));
  }

  @Test
  void attributeUpdatesRoundTrip() throws Exception {
    AttributeUpdate update = AttributeUpdate.decode(utf8("{\"device\": \"Pile S1-03\", \"data\": {\"port.maxPowerW\": 600}}"));
    assertEquals(new AttributeUpdate("Pile S1-03", Map.of("port.maxPowerW", 600)), update);
    assertEquals(update, AttributeUpdate.decode(update.encode()));
  }

  @Test
  void serverDisconnectWithAndWithoutDevice() throws Exception {
    ServerDisconnect d = ServerDisconnect.decode(utf8("{\"device\":\"d\",\"reason\":150}"));
    assertEquals(new ServerDisconnect("d", 150), d);
    assertEquals(true, d.rateLimited());
    assertEquals(d, ServerDisconnect.decode(d.encode()));
    ServerDisconnect all = ServerDisconnect.decode(utf8("{\"reason\":1}"));
    assertNull(all.device());
    assertEquals(all, ServerDisconnect.decode(all.encode()));
  }

  @Test
  void attributesResponsesForOneKeyAndForSeveral() throws Exception {
    AttributesResponse one = AttributesResponse.decode(utf8("{\"id\":1,\"device\":\"d\",\"value\":600}"));
    assertEquals(AttributesResponse.one(1, "d", 600), one);
    assertEquals(one, AttributesResponse.decode(one.encode()));
    AttributesResponse several = AttributesResponse.decode(utf8("{\"id\":2,\"device\":\"d\",\"values\":{\"a\":1,\"b\":\"x\"}}"));
    assertEquals(AttributesResponse.several(2, "d", Map.of("a", 1, "b", "x")), several);
    assertEquals(several, AttributesResponse.decode(several.encode()));
  }

  @Test
  void anAttributesResponseWithNeitherFormSaysThePlatformHoldsNoneOfTheKeys() throws Exception {
    AttributesResponse none = AttributesResponse.decode(utf8("{\"id\":3,\"device\":\"d\"}"));
    assertEquals(AttributesResponse.none(3, "d"), none);
    assertEquals("{\"id\":3,\"device\":\"d\"}", json(none.encode()));
    assertEquals(none, AttributesResponse.decode(none.encode()));
    assertEquals(none, AttributesResponse.decode(utf8("{\"id\":3,\"device\":\"d\",\"values\":{}}")));
  }

  @Test
  void attributesResponsesRoundTripWithEveryKindOfValue() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("overPowerW", 600);
    values.put("plugHotC", 65.5);
    values.put("big", 1L << 40);
    values.put("name", "南门");
    values.put("on", true);
    values.put("nested", new JsonObject().put("a", new JsonArray().add(1)));
    AttributesResponse several = AttributesResponse.several(Integer.MAX_VALUE, "pile-1", values);
    assertEquals(several, AttributesResponse.decode(several.encode()));
    for (Object value : values.values()) {
      AttributesResponse one = AttributesResponse.one(9, "pile-1", value);
      assertEquals(one, AttributesResponse.decode(one.encode()));
    }
  }

  @Test
  void attributesRequestAsTheApiSpellsIt() {
    assertEquals("{\"id\":1,\"device\":\"Pile S1-03\",\"client\":false,\"keys\":[\"port.maxPowerW\"]}",
        json(new AttributesRequest(1, "Pile S1-03", false, List.of("port.maxPowerW")).encode()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty                 |                                                                  | RPC request: empty body
      not JSON              | open the gate                                                    | RPC request: body is not JSON
      cut short             | {"device":"d","data":{"id":1                                     | RPC request: body is not JSON
      an array              | [1,2]                                                            | RPC request: body is not a JSON object
      a string              | "open"                                                           | RPC request: body is not a JSON object
      no device             | {"data":{"id":1,"method":"open"}}                                | RPC request: 'device' is missing
      device a number       | {"device":5,"data":{"id":1,"method":"open"}}                     | RPC request: 'device' is not a string
      device empty          | {"device":" ","data":{"id":1,"method":"open"}}                   | RPC request: 'device' is empty
      no data               | {"device":"d"}                                                   | RPC request: 'data' is missing
      data a string         | {"device":"d","data":"open"}                                     | RPC request: 'data' is not an object
      no id                 | {"device":"d","data":{"method":"open"}}                          | RPC request: 'id' is missing
      id a fraction         | {"device":"d","data":{"id":1.5,"method":"open"}}                 | RPC request: 'id' is not an integer (1.5)
      id a string           | {"device":"d","data":{"id":"7","method":"open"}}                 | RPC request: 'id' is not an integer ("7")
      id too big            | {"device":"d","data":{"id":99999999999999999999,"method":"open"}} | RPC request: 'id' is not an integer (99999999999999999999)
      no method             | {"device":"d","data":{"id":1}}                                   | RPC request: 'method' is missing
      method a number       | {"device":"d","data":{"id":1,"method":3}}                        | RPC request: 'method' is not a string
      params a string       | {"device":"d","data":{"id":1,"method":"open","params":"{}"}}     | RPC request: 'params' is not an object
      params an array       | {"device":"d","data":{"id":1,"method":"open","params":[]}}       | RPC request: 'params' is not an object
      """)
  void everyMalformedRpcRequestHasItsOwnError(String name, String body, String error) {
    MalformedMessageException e = assertThrows(MalformedMessageException.class,
        () -> RpcRequest.decode(body == null ? new byte[0] : utf8(body)));
    assertEquals(error, e.getMessage());
  }

  @Test
  void aMalformedRpcCarriesWhatCanBeAnswered() {
    MalformedMessageException e = assertThrows(MalformedMessageException.class,
        () -> RpcRequest.decode(utf8("{\"device\":\"d\",\"data\":{\"id\":7,\"method\":\"open\",\"params\":1}}")));
    assertEquals("d", e.device());
    assertEquals(7L, e.id());
  }

  @Test
  void aBodyOverTheCapIsRefusedUnread() {
    String big = "{\"device\":\"d\",\"data\":{\"id\":1,\"method\":\"m\",\"params\":{\"x\":\"" + "a".repeat(70_000) + "\"}}}";
    MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> RpcRequest.decode(utf8(big)));
    assertEquals("RPC request: body of " + utf8(big).length + " bytes is over the 65536-byte limit", e.getMessage());
  }

  @Test
  void aBodyThatIsNotUtf8IsRefused() {
    MalformedMessageException e = assertThrows(MalformedMessageException.class,
        () -> AttributeUpdate.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
    assertEquals("attribute update: body is not UTF-8 text", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no device             | {"data":{"a":1}}            | attribute update: 'device' is missing
      data missing          | {"device":"d"}              | attribute update: 'data' is missing
      data an array         | {"device":"d","data":[1]}   | attribute update: 'data' is not an object
      data empty            | {"device":"d","data":{}}    | attribute update: 'data' names no attribute
      """)
  void everyMalformedAttributeUpdateHasItsOwnError(String name, String body, String error) {
    assertEquals(error, assertThrows(MalformedMessageException.class, () -> AttributeUpdate.decode(utf8(body))).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      disconnect no reason     | {"device":"d"}                              | disconnect from the platform: 'reason' is missing
      disconnect reason text   | {"reason":"rate"}                           | disconnect from the platform: 'reason' is not an integer ("rate")
      response no id           | {"device":"d","value":1}                    | attributes response: 'id' is missing
      response both            | {"id":1,"device":"d","value":1,"values":{}} | attributes response: has both 'value' and 'values'
      response no device       | {"id":1,"value":1}                          | attributes response: 'device' is missing
      response id a string     | {"id":"1","device":"d","value":1}           | attributes response: 'id' is not an integer ("1")
      response id a fraction   | {"id":1.5,"device":"d","value":1}           | attributes response: 'id' is not an integer (1.5)
      response not an object   | [{"id":1}]                                  | attributes response: body is not a JSON object
      response not JSON        | id=1 value=600                              | attributes response: body is not JSON
      response values array    | {"id":1,"device":"d","values":[]}           | attributes response: 'values' is not an object
      """)
  void otherMalformedMessages(String name, String body, String error) {
    MalformedMessageException e = assertThrows(MalformedMessageException.class,
        () -> {
          if (name.startsWith("disconnect")) {
            ServerDisconnect.decode(utf8(body));
          } else {
            AttributesResponse.decode(utf8(body));
          }
        });
    assertEquals(error, e.getMessage());
  }

  @Test
  void jsonArrayIsNotMistakenForValues() throws Exception {
    AttributeUpdate u = AttributeUpdate.decode(utf8("{\"device\":\"d\",\"data\":{\"list\":[1,2]}}"));
    assertEquals(new JsonArray().add(1).add(2), u.values().get("list"));
  }
}
