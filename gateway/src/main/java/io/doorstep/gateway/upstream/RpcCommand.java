package io.doorstep.gateway.upstream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a checked RPC request asks of the gateway, in the gateway's own terms. */
sealed interface RpcCommand {
  /** @param openMs 0 for the door service's default */
  record OpenDoor(String door, int openMs) implements RpcCommand {}

  record StopPort(String pile, int port) implements RpcCommand {}

  /** @param changes limit name → value, each known and in range on its own */
  record SetLimits(String pile, Map<String, Number> changes) implements RpcCommand {
    public SetLimits {
      changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
  }
}
