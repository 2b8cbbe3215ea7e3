package io.doorstep.gateway.upstream;

import io.doorstep.gateway.people.PersonForm;
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

  /**
   * Adds the person or replaces their data, as the office's form would.
   *
   * @param faceJpeg a JPEG the vault takes (not empty, at most 2 MiB), or null to keep the photo as it is
   */
  record PushPerson(PersonForm form, byte[] faceJpeg) implements RpcCommand {}

  record RemovePerson(String personId) implements RpcCommand {}
}
