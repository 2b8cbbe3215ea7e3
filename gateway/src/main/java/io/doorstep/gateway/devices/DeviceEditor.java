package io.doorstep.gateway.devices;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.charging.ChargingBus;
import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.DeviceEdits;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.fire.FireMode;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, changes and removes devices and RS-485 lines for the technician console: checks the
 * estate with the edit laid over the file ({@link DeviceEdits}), keeps the edit in the store, then
 * hands the new device list to the registry and the broker's drivers and publishes the estate for
 * the services that follow it (RS-485 lines, charging rules, access, sync, the booth's GPIO), so
 * the change is served without a restart.
 * Edits are carried out one at a time, each from the estate the one before left.
 */
public final class DeviceEditor {
  /**
   * The types a change reaches live: every type there is. A change to a GPIO device restarts the
   * booth board's driver on the new pins ({@link BoothGpioVerticle}). A type added to the estate
   * file later is refused here until something serves its changes live.
   */
  public static final List<String> LIVE_TYPES = liveTypes();

  private static final Logger log = LoggerFactory.getLogger(DeviceEditor.class);

  private final Vertx vertx;
  private final Path gatewayFile;
  private final Store store;
  private final DeviceRegistry registry;
  private final TerminalLinkVerticle terminals;
  private final FireMode fire;
  /** Every section's edits: an edit touches only its own section, so one list keeps them all in order. */
  private volatile List<DeviceEdits.Edit> edits;
  private volatile EstateConfig estate;
  /** The lines as the gateway started, for those never changed on the console (the demo's point elsewhere). */
  private Future<?> last = Future.succeededFuture();

  /**
   * @param edits the kept edits, as {@link #startingEstate} found them
   * @param estate the running estate, with them laid over
   */
  public DeviceEditor(Vertx vertx, Path gatewayFile, Store store, DeviceRegistry registry,
      TerminalLinkVerticle terminals, FireMode fire, List<DeviceEdits.Edit> edits, EstateConfig estate) {
    this.vertx = vertx;
    this.gatewayFile = gatewayFile;
    this.store = store;
    this.registry = registry;
    this.terminals = terminals;
    this.fire = fire;
    this.edits = List.copyOf(edits);
    this.estate = estate;
  }

  private static List<String> liveTypes() {
    List<String> types = new ArrayList<>(List.of(EstateConfig.FACE_TERMINAL, EstateConfig.BARRIER,
        EstateConfig.CHARGING_PILE));
    types.addAll(EstateConfig.GPIO_TYPES);
    return List.copyOf(types);
  }

  /** What start-up found kept: the edits and the estate they make. */
  public record Start(List<DeviceEdits.Edit> edits, EstateConfig estate) {}

  /**
   * The estate to start with: the file's with the kept edits laid over. When they no longer fit
   * the file (it was changed since), none is applied, the file's devices are served and the
   * problems are logged; the edits stay kept, to apply again once the file fits them.
   */
  public static Start startingEstate(Store store, Path gatewayFile, EstateConfig fromFile) {
    List<DeviceEdits.Edit> kept;
    try {
      kept = store.read(DeviceEditRows::all).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      log.error("devices changed on the console not read, the estate file's devices are served: {}", e.getMessage());
      return new Start(List.of(), fromFile);
    }
    if (kept.isEmpty()) {
      return new Start(kept, fromFile);
    }
    try {
      EstateConfig edited = DeviceEdits.apply(gatewayFile, kept);
      log.info("{} device(s) and line(s) as changed on the technician console", kept.size());
      return new Start(kept, edited);
    } catch (ConfigException e) {
      log.error("devices and lines changed on the technician console no longer fit the estate file; the file's"
          + " devices and lines are served until they do:\n{}", e.getMessage());
      return new Start(List.of(), fromFile);
    }
  }

  /** The estate being served, edits included. Safe from any thread. */
  public EstateConfig estate() {
    return estate;
  }

  /** The device edits in force, in the order they are laid over the file. */
  public List<DeviceEdits.Edit> edits() {
    return edits.stream().filter(e -> DeviceEdits.DEVICES.equals(e.section())).toList();
  }

  /** The line edits in force, in the order they are laid over the file. */
  public List<DeviceEdits.Edit> lineEdits() {
    return edits.stream().filter(e -> DeviceEdits.LINES.equals(e.section())).toList();
  }

  /** The device's entry as the estate file would write it; null when there is no such device. */
  public Future<Map<String, Object>> entry(String id) {
    List<DeviceEdits.Edit> now = edits;
    return vertx.executeBlocking(() -> DeviceEdits.entry(gatewayFile, now, id));
  }

  /** The line's entry as the estate file would write it; null when there is no such line. */
  public Future<Map<String, Object>> lineEntry(String id) {
    List<DeviceEdits.Edit> now = edits;
    return vertx.executeBlocking(() -> DeviceEdits.entry(gatewayFile, now, DeviceEdits.LINES, id));
  }

  /** What an edit did: the entry before and after (null for none), for the audit and the reply. */
  public record Outcome(String action, Map<String, Object> before, Map<String, Object> after) {}

  /**
   * Checks, keeps and applies one edit: {@code added} a new device, else a change of one that is
   * there ({@code entry} null removes it). Fails with
   * {@link DeviceEdits.Refused} when the estate would not be valid or the type cannot change live.
   */
  public Future<Outcome> save(String who, String id, Map<String, Object> entry, boolean added) {
    return queue(DeviceEdits.DEVICES, who, id, entry, added);
  }

  /**
   * As {@link #save}, for an RS-485 line ({@code entry} the line's keys: id, port, baud, parity,
   * stopBits, cycleMs). The lines' verticle reopens a changed line with its new settings.
   */
  public Future<Outcome> saveLine(String who, String id, Map<String, Object> entry, boolean added) {
    return queue(DeviceEdits.LINES, who, id, entry, added);
  }

  private synchronized Future<Outcome> queue(String section, String who, String id, Map<String, Object> entry,
      boolean added) {
    Future<Outcome> done = last.transform(ignored -> saveNow(section, who, id, entry, added));
    last = done;
    return done;
  }

  private Future<Outcome> saveNow(String section, String who, String id, Map<String, Object> entry, boolean added) {
    boolean line = DeviceEdits.LINES.equals(section);
    List<DeviceEdits.Edit> next = new ArrayList<>(edits);
    next.removeIf(e -> e.section().equals(section) && e.id().equals(id));
    DeviceEdits.Edit edit = new DeviceEdits.Edit(section, id, entry);
    next.add(edit);
    record Checked(Map<String, Object> before, EstateConfig estate) {}
    return vertx.executeBlocking(() -> {
      Map<String, Object> before = DeviceEdits.entry(gatewayFile, edits, section, id);
      if (before == null && !added) {
        throw new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("id",
            "no " + (line ? "line " : "device ") + id + " is configured")));
      }
      if (!line) {
        refuseIfNotLive(added ? null : before, entry);
        refuseBoothBoardInFire(added ? null : before, entry);
      }
      return new Checked(added ? null : before, DeviceEdits.check(gatewayFile, next, section, id, added));
    }).compose(checked -> (line ? refuseIfLineCharging(id, checked.before(), entry)
            : refuseIfCharging(id, checked.before(), entry)).map(checked))
        .compose(checked -> store.write(c -> DeviceEditRows.save(c, edit, who, System.currentTimeMillis()))
        .map(v -> checked))
        .map(checked -> {
          Outcome outcome = new Outcome(checked.before() == null ? "add" : entry == null ? "remove" : "edit",
              checked.before(), entry);
          apply(next, checked.estate(), section, id, checked.before(), entry);
          return outcome;
        })
        .compose(outcome -> store.audit(who, "tech." + (line ? "line." : "device.") + outcome.action(), id,
            json(outcome.before()), json(outcome.after())).map(v -> outcome));
  }

  private static void refuseIfNotLive(Map<String, Object> before, Map<String, Object> after) throws DeviceEdits.Refused {
    for (Map<String, Object> side : new Map[] {before, after}) {
      Object type = side == null ? null : side.get("type");
      if (type != null && EstateConfig.DEVICE_TYPES.contains(type.toString()) && !LIVE_TYPES.contains(type.toString())) {
        throw new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("type", "a " + type
            + " cannot be changed on the console yet: the gateway serves it as started; change it in the estate"
            + " file and restart. The console changes "
            + String.join(", ", LIVE_TYPES))));
      }
    }
  }

  /**
   * The booth board is not restarted during a fire: its driver starts every lock relay locked, so
   * a door held open for escape would lock until the fire service holds it again.
   */
  private void refuseBoothBoardInFire(Map<String, Object> before, Map<String, Object> after)
      throws DeviceEdits.Refused {
    if (!fire.active()) {
      return;
    }
    for (Map<String, Object> side : new Map[] {before, after}) {
      Object type = side == null ? null : side.get("type");
      if (type != null && EstateConfig.GPIO_TYPES.contains(type.toString())) {
        throw new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("type", "a " + type
            + " is not changed during a fire alarm: the change restarts the booth board, which would lock its"
            + " doors held open for escape for a moment; change it once the fire alarm is reset")));
      }
    }
  }

  /**
   * A pile with a port charging keeps its entry: changed or removed, it would leave the safety
   * rules (watched anew, or not at all) in the middle of a charge. An offline pile may be removed
   * all the same, since nothing reaches it anyway; the charging service ends its open sessions as
   * {@code removed}. The charging service is asked just before the edit is kept.
   */
  private Future<Void> refuseIfCharging(String id, Map<String, Object> before, Map<String, Object> after) {
    if (before == null || !EstateConfig.CHARGING_PILE.equals(before.get("type"))) {
      return Future.succeededFuture();
    }
    if (after == null && !online(id)) {
      return Future.succeededFuture();
    }
    return portsCharging(id, id)
        .compose(ports -> {
          if (ports.isEmpty()) {
            return Future.succeededFuture();
          }
          String portList = String.join(", ", ports.stream().map(String::valueOf).toList());
          return Future.failedFuture(new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("id",
              id + " is charging on port" + (ports.size() > 1 ? "s " : " ") + portList + ": it is not "
                  + (after == null ? "removed" : "changed") + " while a port charges, so that the safety rules"
                  + " never stop watching a charge; try again once the charge ends or the port is stopped"))));
        });
  }

  /**
   * A line is not reopened while one of its piles charges: for the moment it is closed the safety
   * rules could not read or stop that charge. A pile that does not answer holds nothing up, so a
   * line set wrong (every pile silent) can always be put right.
   */
  private Future<Void> refuseIfLineCharging(String lineId, Map<String, Object> before, Map<String, Object> after) {
    if (before == null || onlyCycleTime(before, after)) {
      return Future.succeededFuture();
    }
    List<Future<?>> asked = new ArrayList<>();
    List<String> charging = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (EstateConfig.Device pile : estate.devicesOn(lineId)) {
      if (!EstateConfig.CHARGING_PILE.equals(pile.type()) || !online(pile.id())) {
        continue;
      }
      asked.add(portsCharging(pile.id(), "a pile on " + lineId).onSuccess(ports -> {
        if (!ports.isEmpty()) {
          charging.add(pile.id());
        }
      }));
    }
    return Future.all(asked)
        .compose(v -> charging.isEmpty() ? Future.succeededFuture()
            : Future.failedFuture(new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("id",
                String.join(", ", charging.stream().sorted().toList()) + " on line " + lineId + " "
                    + (charging.size() > 1 ? "are" : "is") + " charging: the line is not "
                    + (after == null ? "removed" : "changed") + " while a pile on it charges, so that the safety"
                    + " rules never stop watching a charge; try again once the charge ends or the port is stopped")))));
  }

  /** A new cycle time alone does not close the line (the poller takes it), so a charge stays watched. */
  private static boolean onlyCycleTime(Map<String, Object> before, Map<String, Object> after) {
    if (after == null) {
      return false;
    }
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    keys.remove("cycleMs");
    return keys.stream().allMatch(k -> Objects.equals(String.valueOf(before.get(k)), String.valueOf(after.get(k))));
  }

  /** The pile's ports charging, asked of the charging service; an edit is refused when it cannot say. */
  private Future<List<Integer>> portsCharging(String pile, String what) {
    return vertx.eventBus().<ChargingBus.ChargingPorts>request(ChargingBus.PORTS_CHARGING,
            new ChargingBus.PortsCharging(pile))
        .map(reply -> reply.body().ports())
        .recover(e -> Future.failedFuture(new DeviceEdits.Refused(List.of(new DeviceEdits.FieldProblem("id",
            "the charging service could not say whether " + what + " is charging (" + e.getMessage()
                + "); nothing was changed")))));
  }

  private boolean online(String id) {
    return registry.snapshot().stream().anyMatch(s -> s.id().equals(id) && s.online());
  }

  private void apply(List<DeviceEdits.Edit> next, EstateConfig served, String section, String id,
      Map<String, Object> before, Map<String, Object> after) {
    edits = List.copyOf(next);
    estate = served;
    Set<String> heardAgain = new HashSet<>();
    boolean device = DeviceEdits.DEVICES.equals(section);
    if (device && before != null && after != null && !sameIdentity(before, after)) {
      heardAgain.add(id);
    }
    registry.configure(served.devices(), heardAgain);
    terminals.configure(served);
    vertx.eventBus().publish(Addresses.ESTATE_CHANGED, served);
    log.info("{} {} {} on the technician console", device ? "device" : "RS-485 line", id,
        after == null ? "removed" : before == null ? "added" : "changed");
  }

  /** The same link and the same name on it: the device already heard is still this one. */
  private static boolean sameIdentity(Map<String, Object> a, Map<String, Object> b) {
    return List.of("type", "sn", "lane", "link", "address").stream()
        .allMatch(k -> Objects.equals(String.valueOf(a.get(k)), String.valueOf(b.get(k))));
  }

  private static String json(Map<String, Object> entry) {
    return entry == null ? null : new JsonObject(entry).encode();
  }
}
