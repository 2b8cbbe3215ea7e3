package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.gateway.upstream.codec.AttributeUpdate;
import io.doorstep.gateway.upstream.codec.RpcReply;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's own replies and attributes, coming back from a plain broker, are not requests. */
class EchoesTest {
  @Test
  void aReplyIsAnEchoARequestIsNot() {
    assertTrue(Echoes.rpcReply(RpcReply.failed("d", 7, "no").encode()));
    assertTrue(Echoes.rpcReply(RpcReply.ok("d", 7, new JsonObject().put("limits", new JsonObject())).encode()));
    assertFalse(Echoes.rpcReply(new RpcRequest("d", 7, "open", new JsonObject()).encode()));
    assertFalse(Echoes.rpcReply("not json".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void clientAttributesAreAnEchoAnUpdateIsNot() {
    assertTrue(Echoes.clientAttributes(bytes("{\"pile-1\": {\"limits.overPowerW\": 800, \"limitsError\": \"\"}}")));
    assertFalse(Echoes.clientAttributes(new AttributeUpdate("pile-1", Map.of("overPowerW", 600)).encode()));
    assertFalse(Echoes.clientAttributes(bytes("{\"device\": {}}")));
    assertFalse(Echoes.clientAttributes(bytes("{}")));
    assertFalse(Echoes.clientAttributes(bytes("[1]")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
