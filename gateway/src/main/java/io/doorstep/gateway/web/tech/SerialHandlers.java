package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.web.BadParameterException;
import io.doorstep.gateway.web.Replies;
import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.LineStats;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.Priority;
import io.doorstep.drivers.modbus.SerialPorts;
import io.doorstep.drivers.modbus.UnitStats;
import io.doorstep.drivers.modbus.profile.RegisterTable;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RS-485 lines as a technician tests them: the machine's ports, the configured lines and
 * their counters, a scan for addresses, raw register reads and a confirmed single write. Every
 * request to a device goes through the line's own scheduler at OPERATOR priority: the port is
 * never opened a second time, and safety stops still go first.
 */
final class SerialHandlers {
  static final int MAX_UNIT = 247;
  /** Registers one read returns (the Modbus limit). */
  static final int MAX_COUNT = 125;
  /** A raw read or write waits this long for the device to begin its answer. */
  static final int ANSWER_MS = 100;

  private final TechParts parts;
  private final Map<String, LineScan> scans = new ConcurrentHashMap<>();

  SerialHandlers(TechParts parts) {
    this.parts = parts;
  }

  void overview(RoutingContext ctx) {
    ctx.vertx().executeBlocking(SerialPorts::list, false).onComplete(listed -> {
      JsonArray ports = new JsonArray();
      if (listed.succeeded()) {
        listed.result().forEach(p -> ports.add(new JsonObject().put("path", p.path())
            .put("description", p.description()).put("location", p.location())));
      }
      JsonArray lines = new JsonArray();
      for (EstateConfig.SerialLine line : parts.devices().estate().lines()) {
        lines.add(line(line, ports));
      }
      Replies.json(ctx, 200, new JsonObject().put("ports", ports).put("lines", lines)
          .put("portsError", listed.succeeded() ? null : listed.cause().getMessage()));
    });
  }

  private JsonObject line(EstateConfig.SerialLine line, JsonArray machinePorts) {
    LineStats stats = parts.serialLines().lineStats().stream()
        .filter(s -> s.lineId().equals(line.id())).findFirst().orElse(null);
    boolean listed = machinePorts.stream().anyMatch(p -> line.port().equals(((JsonObject) p).getString("path")));
    JsonArray units = new JsonArray();
    for (EstateConfig.Device d : parts.devices().estate().devicesOn(line.id())) {
      UnitStats u = stats == null ? null : stats.units().get(d.modbus().address());
      units.add(new JsonObject().put("unit", d.modbus().address()).put("device", d.id())
          .put("profile", d.modbus().profile())
          .put("transactions", u == null ? 0 : u.transactions())
          .put("timeouts", u == null ? 0 : u.timeouts())
          .put("crcErrors", u == null ? 0 : u.crcErrors())
          .put("exceptions", u == null ? 0 : u.exceptionResponses())
          .put("silent", u != null && u.silent()));
    }
    LineScan scan = scans.get(line.id());
    // What the open line runs with: the same as the settings, once a change on the console has reopened it.
    JsonObject serving = parts.serialLines().line(line.id()).map(ModbusLine::options)
        .map(o -> new JsonObject().put("port", o.port()).put("baud", o.baud())
            .put("parity", o.parity().name().toLowerCase(java.util.Locale.ROOT)).put("stopBits", o.stopBits())
            .put("cycleMs", parts.serialLines().cycleInterval(line.id()).map(Duration::toMillis).orElse(null)))
        .orElse(null);
    return new JsonObject()
        .put("id", line.id()).put("port", line.port()).put("portListed", listed)
        .put("baud", line.baud()).put("parity", line.parity()).put("stopBits", line.stopBits())
        .put("cycleMs", line.cycleMs())
        .put("serving", serving)
        .put("open", stats != null && stats.open())
        .put("transactions", stats == null ? 0 : stats.transactions())
        .put("timeouts", stats == null ? 0 : stats.timeouts())
        .put("crcErrors", stats == null ? 0 : stats.crcErrors())
        .put("exceptions", stats == null ? 0 : stats.exceptionResponses())
        .put("lineLosses", stats == null ? 0 : stats.lineLosses())
        .put("utilisation", stats == null ? 0 : stats.utilisation())
        .put("units", units)
        .put("scanning", scan != null && scan.running());
  }

  void startScan(RoutingContext ctx) {
    Optional<ModbusLine> line = line(ctx);
    JsonObject body = Replies.body(ctx);
    if (line.isEmpty() || body == null) {
      return;
    }
    int from;
    int to;
    try {
      from = Fields.body(body, "from", 1, MAX_UNIT);
      to = Fields.body(body, "to", 1, MAX_UNIT);
      if (to < from) {
        throw new BadParameterException("to", "to (" + to + ") must not be below from (" + from + ")");
      }
    } catch (BadParameterException e) {
      Replies.field(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    LineScan scan = new LineScan(line.get(), from, to, WebUser.of(ctx).name());
    LineScan running = scans.compute(line.get().id(), (id, old) -> old != null && old.running() ? old : scan);
    if (running != scan) {
      Replies.json(ctx, 409, new JsonObject().put("error", "a scan of line " + line.get().id() + " is running")
          .put("scan", running.toJson()));
      return;
    }
    scan.start();
    Replies.json(ctx, 202, scan.toJson());
  }

  void scan(RoutingContext ctx) {
    line(ctx).ifPresent(line -> {
      LineScan scan = scans.get(line.id());
      Replies.json(ctx, 200, scan == null ? new JsonObject().put("line", line.id()).put("running", false)
          .put("found", new JsonArray()) : scan.toJson());
    });
  }

  void cancelScan(RoutingContext ctx) {
    line(ctx).ifPresent(line -> {
      LineScan scan = scans.get(line.id());
      if (scan != null) {
        scan.cancel();
      }
      Replies.json(ctx, 200, scan == null ? new JsonObject().put("running", false) : scan.toJson());
    });
  }

  /** A scan of the line, if one runs, stops with {@code reason} for the technician who started it. */
  void stopScan(String lineId, String reason) {
    LineScan scan = scans.get(lineId);
    if (scan != null && scan.running()) {
      scan.stop(reason);
    }
  }

  void read(RoutingContext ctx) {
    Optional<ModbusLine> line = line(ctx);
    if (line.isEmpty()) {
      return;
    }
    int unit;
    int address;
    int count;
    RegisterTable table;
    try {
      table = table(ctx.request().getParam("table"));
      unit = Fields.query(ctx, "unit", 1, MAX_UNIT);
      address = Fields.query(ctx, "address", 0, 0xFFFF);
      count = Fields.query(ctx, "count", 1, MAX_COUNT);
      if (address + count > 0x10000) {
        throw new BadParameterException("count", "address " + address + " + count " + count + " runs past register 65535");
      }
    } catch (BadParameterException e) {
      Replies.field(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    line.get().readRegisters(unit, table, address, count, Priority.OPERATOR, ANSWER_MS).onComplete(done -> {
      if (done.failed()) {
        deviceFailed(ctx, done.cause());
        return;
      }
      JsonArray registers = new JsonArray();
      int[] values = done.result();
      for (int i = 0; i < values.length; i++) {
        registers.add(new JsonObject().put("address", address + i).put("value", values[i]));
      }
      Replies.json(ctx, 200, new JsonObject().put("line", line.get().id()).put("unit", unit)
          .put("table", table == RegisterTable.HOLDING_REGISTER ? "holding" : "input")
          .put("registers", registers));
    });
  }

  /**
   * One holding register written (0x06) once the technician has confirmed it. The value before
   * is read first, so the audit row shows what the write replaced; a device that cannot be read
   * is still written, with nothing before.
   */
  void write(RoutingContext ctx) {
    Optional<ModbusLine> line = line(ctx);
    JsonObject body = Replies.body(ctx);
    if (line.isEmpty() || body == null) {
      return;
    }
    int unit;
    int address;
    int value;
    try {
      unit = Fields.body(body, "unit", 1, MAX_UNIT);
      address = Fields.body(body, "address", 0, 0xFFFF);
      value = Fields.body(body, "value", 0, 0xFFFF);
      if (!Boolean.TRUE.equals(body.getValue("confirm"))) {
        throw new BadParameterException("confirm", "a write to a device must be confirmed: send \"confirm\": true");
      }
    } catch (BadParameterException e) {
      Replies.field(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    String who = WebUser.of(ctx).name();
    String subject = line.get().id() + "/" + unit + "/holding/" + address;
    ModbusLine l = line.get();
    l.readRegisters(unit, RegisterTable.HOLDING_REGISTER, address, 1, Priority.OPERATOR, ANSWER_MS)
        .map(v -> (Integer) v[0]).otherwise(e -> null)
        .compose(before -> l.writeRegister(unit, address, value, Priority.OPERATOR, ANSWER_MS).transform(done -> {
          JsonObject was = before == null ? null : new JsonObject().put("value", before);
          JsonObject after = new JsonObject().put("value", value).put("ok", done.succeeded());
          if (done.failed()) {
            after.put("error", done.cause().getMessage());
          }
          return parts.store().audit(who, "tech.register.write", subject, was == null ? null : was.encode(),
              after.encode()).transform(audited -> done.failed() ? Future.failedFuture(done.cause())
                  : audited.failed() ? Future.failedFuture(audited.cause()) : Future.succeededFuture(before));
        }))
        .onComplete(done -> {
          if (done.failed()) {
            deviceFailed(ctx, done.cause());
          } else {
            Replies.json(ctx, 200, new JsonObject().put("line", l.id()).put("unit", unit).put("address", address)
                .put("value", value).put("before", done.result()));
          }
        });
  }

  private static RegisterTable table(String name) {
    if (name == null || name.equals("holding")) {
      return RegisterTable.HOLDING_REGISTER;
    }
    if (name.equals("input")) {
      return RegisterTable.INPUT_REGISTER;
    }
    throw new BadParameterException("table", "table must be holding or input, got '" + name + "'");
  }

  /** The line named in the path, or a 404 answered. */
  private Optional<ModbusLine> line(RoutingContext ctx) {
    String id = ctx.pathParam("line");
    Optional<ModbusLine> line = parts.serialLines().line(id);
    if (line.isEmpty()) {
      Replies.json(ctx, 404, new JsonObject().put("error", "no RS-485 line '" + id + "' is configured")
          .put("field", "line"));
    }
    return line;
  }

  /** The device's own refusal or silence is the answer, not a server fault: 502 with the reason. */
  private static void deviceFailed(RoutingContext ctx, Throwable cause) {
    String kind = cause instanceof DeviceTimeoutException ? "timeout"
        : cause.getClass().getSimpleName().replace("Exception", "").toLowerCase(java.util.Locale.ROOT);
    Replies.json(ctx, 502, new JsonObject().put("error", String.valueOf(cause.getMessage())).put("kind", kind));
  }

  List<String> lineIds() {
    return parts.devices().estate().lines().stream().map(EstateConfig.SerialLine::id).toList();
  }
}
