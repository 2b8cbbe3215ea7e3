package io.doorstep.gateway.sync;

import io.doorstep.gateway.access.AccessScope;
import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.bus.Presence;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.devices.DeviceRegistry;
import io.doorstep.gateway.devices.DeviceStatus;
import io.doorstep.gateway.people.FacePhotos;
import io.doorstep.gateway.store.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every face terminal's own person list equal to the persons allowed at it: valid now or
 * later, and in its {@link AccessScope}. Syncs by difference, remembered in {@code sync_persons}
 * so that a restart sends nothing that did not change; see docs/person-sync.md.
 *
 * <p>Triggers: {@link Addresses#PERSONS_CHANGED}, a terminal coming online, a heartbeat whose
 * person count shows a lost list, and a periodic check for persons who expired.
 */
public final class PersonSyncVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(PersonSyncVerticle.class);

  private final Store store;
  /** The estate's face terminals, as the technician console last left them; on the sync's context. */
  private List<String> terminals;
  private final AccessScope scope;
  private final FacePhotos photos;
  private final Predicate<String> onlineAtStart;
  private final MeterRegistry metrics;
  private final SyncOptions options;
  private final CommandSender sender;
  private final Map<String, TerminalSync> syncs = new ConcurrentHashMap<>();
  private PersonCatalog catalog;
  private SyncParts parts;

  public PersonSyncVerticle(Store store, EstateConfig estate, AccessScope scope, FacePhotos photos,
      DeviceRegistry devices, MeterRegistry metrics) {
    this(store, estate, scope, photos, devices, metrics, SyncOptions.defaults());
  }

  /** @param devices where the terminals' presence at start-up is read */
  public PersonSyncVerticle(Store store, EstateConfig estate, AccessScope scope, FacePhotos photos,
      DeviceRegistry devices, MeterRegistry metrics, SyncOptions options) {
    this(store, estate, scope, photos, onlineIn(devices), metrics, options, null);
  }

  PersonSyncVerticle(Store store, EstateConfig estate, AccessScope scope, FacePhotos photos,
      Predicate<String> onlineAtStart, MeterRegistry metrics, SyncOptions options, CommandSender sender) {
    this.store = store;
    this.terminals = terminalsOf(estate);
    this.scope = scope;
    this.photos = photos;
    this.onlineAtStart = onlineAtStart;
    this.metrics = metrics;
    this.options = options;
    this.sender = sender;
  }

  /** Every terminal's sync, by device id. Safe to call from any thread; empty before start. */
  public List<SyncStatus> status() {
    return syncs.values().stream().map(TerminalSync::status).sorted(Comparator.comparing(SyncStatus::device)).toList();
  }

  public Optional<SyncStatus> status(String device) {
    return Optional.ofNullable(syncs.get(device)).map(TerminalSync::status);
  }

  /**
   * One person's entry at every terminal where they belong or are still held, by device id.
   * Empty before start and until the sync has read the person after a change.
   */
  public Future<List<PersonSyncState>> personStates(String personId) {
    if (context == null) {
      return Future.succeededFuture(List.of());
    }
    Promise<List<PersonSyncState>> answer = Promise.promise();
    // The ledgers and the catalog are confined to the sync's context: read them there.
    context.runOnContext(v -> {
      long now = System.currentTimeMillis();
      answer.complete(new TreeMap<>(syncs).values().stream()
          .map(s -> s.personState(personId, now))
          .flatMap(Optional::stream)
          .toList());
    });
    return answer.future();
  }

  @Override
  public Future<?> start() {
    FaceReader faces = new FaceReader(photos, context, options.photoReads());
    catalog = new PersonCatalog(vertx, store, faces, this::kickAll);
    parts = new SyncParts(vertx, options, scope, catalog, faces,
        sender != null ? sender : CommandSender.bus(vertx.eventBus()), new UploadPermits(options.parallelUploads()),
        new SyncReporter(vertx.eventBus(), metrics));
    return store.read(SyncRows::all).compose(known -> {
      forgetRemovedTerminals(known.keySet());
      for (String device : terminals) {
        TerminalLedger ledger = new TerminalLedger(device, store, known.getOrDefault(device, Map.of()));
        syncs.put(device, new TerminalSync(device, parts, ledger, onlineAtStart.test(device)));
        registerMetrics(device);
      }
      vertx.setPeriodic(options.recheckEvery().toMillis(), id -> {
        catalog.retryUnreadable();
        kickAll();
      });
      return Future.all(
          vertx.eventBus().<PersonsChanged>consumer(Addresses.PERSONS_CHANGED, m -> catalog.changed(m.body()))
              .completion(),
          vertx.eventBus().<DeviceStatus>consumer(Addresses.DEVICE_STATUS, m -> onStatus(m.body())).completion(),
          vertx.eventBus().<Presence>consumer(Addresses.DEVICE_HEARTBEAT, m -> onHeartbeat(m.body())).completion(),
          vertx.eventBus().<EstateConfig>consumer(Addresses.ESTATE_CHANGED, m -> onEstate(m.body())).completion());
    }).onSuccess(listening -> {
      // Only now, so that no change slips between the first read and the subscription. The first
      // load reads every person and photo; terminals start as soon as it is done.
      catalog.changed(PersonsChanged.all());
    });
  }

  /**
   * Devices changed on the technician console: the scope judges by the doors they serve now, an
   * added terminal gets its sync, a removed one leaves nothing behind, and every list is planned
   * again (a moved terminal's among them).
   */
  private void onEstate(EstateConfig estate) {
    scope.follow(estate);
    List<String> now = terminalsOf(estate);
    List<String> gone = terminals.stream().filter(d -> !now.contains(d)).toList();
    List<String> added = now.stream().filter(d -> !syncs.containsKey(d)).toList();
    terminals = now;
    gone.forEach(syncs::remove);
    forgetRemovedTerminals(Set.copyOf(gone));
    if (added.isEmpty()) {
      kickAll();
      return;
    }
    store.read(SyncRows::all).onComplete(read -> {
      Map<String, Map<String, KnownEntry>> known = read.succeeded() ? read.result() : Map.of();
      for (String device : added) {
        if (terminals.contains(device) && !syncs.containsKey(device)) {
          TerminalLedger ledger = new TerminalLedger(device, store, known.getOrDefault(device, Map.of()));
          syncs.put(device, new TerminalSync(device, parts, ledger, onlineAtStart.test(device)));
          registerMetrics(device);
        }
      }
      kickAll();
    });
  }

  private static List<String> terminalsOf(EstateConfig estate) {
    return estate.devicesOfType(EstateConfig.FACE_TERMINAL).stream().map(EstateConfig.Device::id).toList();
  }

  private void onStatus(DeviceStatus s) {
    TerminalSync sync = syncs.get(s.id());
    if (sync != null) {
      sync.online(s.online());
    }
  }

  /** A terminal's heartbeat says how many persons it holds; a reset terminal says fewer. */
  private void onHeartbeat(Presence heartbeat) {
    TerminalSync sync = syncs.get(heartbeat.device());
    if (sync != null && heartbeat.facts().getValue("persons") instanceof Number n) {
      sync.heartbeatCount(n.intValue());
    }
  }

  /** A terminal taken out of the estate file leaves nothing behind. */
  private void forgetRemovedTerminals(Set<String> remembered) {
    List<String> gone = remembered.stream().filter(d -> !terminals.contains(d)).toList();
    if (!gone.isEmpty()) {
      store.<Void>write(c -> {
        for (String device : gone) {
          SyncRows.removeDevice(c, device);
        }
        return null;
      }).onFailure(e -> log.warn("sync state of removed terminals {} not cleared: {}", gone, e.getMessage()));
    }
  }

  private void kickAll() {
    new TreeMap<>(syncs).values().forEach(TerminalSync::kick);
  }

  private void registerMetrics(String device) {
    Gauge.builder("doorstep.sync.pending", syncs, s -> s.containsKey(device) ? s.get(device).status().pending() : 0)
        .description("persons still to add, change or remove at a terminal")
        .tag("device", device)
        .register(metrics);
    Gauge.builder("doorstep.sync.persons.refused", syncs, s -> s.containsKey(device) ? s.get(device).status().failed().size() : 0)
        .description("persons a terminal refused, until their data changes")
        .tag("device", device)
        .register(metrics);
  }

  private static Predicate<String> onlineIn(DeviceRegistry devices) {
    return id -> devices.snapshot().stream().anyMatch(s -> s.id().equals(id) && s.online());
  }
}
