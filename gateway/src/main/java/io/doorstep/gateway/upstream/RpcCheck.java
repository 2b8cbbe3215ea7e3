package io.doorstep.gateway.upstream;

import io.doorstep.gateway.charging.SafetyLimits;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.config.GatewayConfig;
import io.doorstep.gateway.upstream.codec.RpcRequest;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the platform may have what an RPC request asks, before anything is done: the
 * device must be this gateway's, the method one it knows and the configuration allows, the
 * parameters exactly what the method takes. Pure: the estate and the allow-list are data.
 */
final class RpcCheck {
  static final String OPEN = "open";
  static final String STOP_PORT = "stopPort";
  static final String SET_LIMITS = "setLimits";
  static final String PUSH_PERSON = "pushPerson";
  static final String REMOVE_PERSON = "removePerson";
  static final List<String> METHODS = List.of(OPEN, STOP_PORT, SET_LIMITS, PUSH_PERSON, REMOVE_PERSON);
  /** An EBC-10 has ten ports; a pile with fewer says so when asked to stop one it lacks. */
  static final int MAX_PORT = 10;
  private static final Set<String> DOOR_DEVICES = Set.of(EstateConfig.FACE_TERMINAL, EstateConfig.GPIO_DOOR,
      EstateConfig.BARRIER);

  private final EstateConfig estate;
  private final GatewayConfig.Rpc rpc;

  RpcCheck(EstateConfig estate, GatewayConfig.Rpc rpc) {
    this.estate = estate;
    this.rpc = rpc;
  }

  /** The command, or why it is refused: exactly one of the two. */
  record Outcome(RpcCommand command, String refusal) {
    static Outcome refused(String why) {
      return new Outcome(null, why);
    }
  }

  Outcome check(RpcRequest r) {
    EstateConfig.Device device = estate.devicesById().get(r.device());
    Optional<EstateConfig.Door> door = device == null ? estate.door(r.device()) : Optional.empty();
    if (device == null && door.isEmpty()) {
      return Outcome.refused("no device " + r.device() + " on this gateway");
    }
    if (!METHODS.contains(r.method())) {
      return Outcome.refused("unknown method " + r.method() + "; this gateway knows " + String.join(", ", METHODS));
    }
    if (!rpc.allows(r.method())) {
      return Outcome.refused("method " + r.method() + " is not allowed on this gateway");
    }
    return switch (r.method()) {
      case OPEN -> open(r, device, door);
      case STOP_PORT -> pile(r, device).orElseGet(() -> stopPort(r));
      case SET_LIMITS -> pile(r, device).orElseGet(() -> setLimits(r));
      case PUSH_PERSON -> persons(r, device).orElseGet(() -> pushPerson(r));
      default -> persons(r, device).orElseGet(() -> removePerson(r));
    };
  }

  private Outcome open(RpcRequest r, EstateConfig.Device device, Optional<EstateConfig.Door> door) {
    if (device != null) {
      if (!DOOR_DEVICES.contains(device.type())) {
        return Outcome.refused("open is for a door, a face terminal, a gpio-door or a barrier; " + r.device() + " is a "
            + device.type());
      }
      door = doorOf(device);
      if (door.isEmpty()) {
        return Outcome.refused(r.device() + " belongs to no door");
      }
    }
    String unknown = unknownParams(r.params(), Set.of("openMs"));
    if (unknown != null) {
      return Outcome.refused(unknown);
    }
    Object openMs = r.params().getValue("openMs");
    if (openMs != null && !(openMs instanceof Integer)) {
      return Outcome.refused("openMs must be a whole number of milliseconds, got " + Json.encode(openMs));
    }
    return new Outcome(new RpcCommand.OpenDoor(door.get().id(), openMs == null ? 0 : (Integer) openMs), null);
  }

  private Optional<EstateConfig.Door> doorOf(EstateConfig.Device device) {
    if (device.door() != null) {
      return estate.door(device.door());
    }
    return estate.doors().stream().filter(d -> d.devices().contains(device.id())).findFirst();
  }

  /** Empty when the device is a charging pile; the refusal otherwise. */
  private static Optional<Outcome> pile(RpcRequest r, EstateConfig.Device device) {
    if (device != null && EstateConfig.CHARGING_PILE.equals(device.type())) {
      return Optional.empty();
    }
    return Optional.of(Outcome.refused(r.method() + " is for a charging pile; " + r.device() + " is "
        + (device == null ? "a door" : "a " + device.type())));
  }

  /**
   * Empty when the device is a face terminal or a door: the gateway API needs a device to address,
   * and a person concerns the estate's terminals, not a pile. The refusal otherwise.
   */
  private static Optional<Outcome> persons(RpcRequest r, EstateConfig.Device device) {
    if (device == null || EstateConfig.FACE_TERMINAL.equals(device.type())) {
      return Optional.empty();
    }
    return Optional.of(Outcome.refused(r.method() + " is for a face terminal or a door; " + r.device() + " is a "
        + device.type()));
  }

  private static Outcome pushPerson(RpcRequest r) {
    String unknown = unknownParams(r.params(), PersonParams.PUSH);
    if (unknown != null) {
      return Outcome.refused(unknown);
    }
    List<String> problems = PersonParams.pushProblems(r.params());
    if (!problems.isEmpty()) {
      return Outcome.refused(String.join("; ", problems));
    }
    return new Outcome(new RpcCommand.PushPerson(PersonParams.form(r.params()), PersonParams.face(r.params())), null);
  }

  private static Outcome removePerson(RpcRequest r) {
    String unknown = unknownParams(r.params(), Set.of(PersonParams.PERSON_ID));
    if (unknown != null) {
      return Outcome.refused(unknown);
    }
    Object id = r.params().getValue(PersonParams.PERSON_ID);
    if (!(id instanceof String personId) || personId.isBlank()) {
      return Outcome.refused(PersonParams.PERSON_ID + " must be a person's id, got "
          + (id == null ? "none" : Json.encode(id)));
    }
    return new Outcome(new RpcCommand.RemovePerson(personId.strip()), null);
  }

  private static Outcome stopPort(RpcRequest r) {
    String unknown = unknownParams(r.params(), Set.of("port"));
    if (unknown != null) {
      return Outcome.refused(unknown);
    }
    Object port = r.params().getValue("port");
    if (!(port instanceof Integer n) || n < 1 || n > MAX_PORT) {
      return Outcome.refused("port must be a whole number from 1 to " + MAX_PORT + ", got "
          + (port == null ? "none" : Json.encode(port)));
    }
    return new Outcome(new RpcCommand.StopPort(r.device(), n), null);
  }

  private static Outcome setLimits(RpcRequest r) {
    if (r.params().isEmpty()) {
      return Outcome.refused("setLimits needs at least one limit; known: " + String.join(", ", SafetyLimits.keys()));
    }
    return limits(r.params().getMap()).map(Outcome::refused)
        .orElseGet(() -> new Outcome(new RpcCommand.SetLimits(r.device(), numbers(r.params().getMap())), null));
  }

  /**
   * What is wrong with these limit values on their own (not a number, unknown, out of range),
   * every problem in one sentence; empty when each is fine. Whether they fit the pile's other
   * limits is the charging rules' to say.
   */
  static Optional<String> limits(Map<String, Object> values) {
    List<String> notNumbers = values.entrySet().stream()
        .filter(e -> !(e.getValue() instanceof Number))
        .map(e -> e.getKey() + " must be a number, got " + Json.encode(e.getValue())).toList();
    if (!notNumbers.isEmpty()) {
      return Optional.of(String.join("; ", notNumbers));
    }
    List<String> problems = SafetyLimits.problems(numbers(values));
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static Map<String, Number> numbers(Map<String, Object> values) {
    Map<String, Number> numbers = new LinkedHashMap<>();
    values.forEach((k, v) -> numbers.put(k, (Number) v));
    return numbers;
  }

  private static String unknownParams(JsonObject params, Set<String> known) {
    List<String> unknown = params.fieldNames().stream().filter(k -> !known.contains(k)).sorted().toList();
    return unknown.isEmpty() ? null : "unknown parameter " + String.join(", ", unknown) + "; expected "
        + String.join(", ", known.stream().sorted().toList());
  }
}
