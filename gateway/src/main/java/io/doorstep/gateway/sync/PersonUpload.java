package io.doorstep.gateway.sync;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.CommandFailures;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one terminal the next {@code person-upsert} of its plan and records the answer. A
 * message the terminal finds too large is split in halves until it fits; a single person that
 * cannot fit is refused on the gateway's side, and never sent.
 */
final class PersonUpload {
  static final String TOO_LARGE = "TOO_LARGE";
  static final String BAD_REQUEST = "BAD_REQUEST";

  private final String device;
  private final SyncParts parts;
  private final TerminalLedger ledger;

  PersonUpload(String device, SyncParts parts, TerminalLedger ledger) {
    this.device = device;
    this.parts = parts;
    this.ledger = ledger;
  }

  /** An entry as sent, with the digest of exactly those bytes. */
  private record Outgoing(DeviceCommand.TerminalPerson person, String digest) {}

  /**
   * Completes once the terminal answered the next message and its answer is recorded; fails
   * when it did not answer (the caller retries later from a fresh plan).
   */
  Future<Void> next(List<SyncPerson> upserts) {
    UpsertChunk chunk = UpsertChunk.next(upserts, parts.options());
    Future<Void> oversize = refuseOversize(chunk.oversize());
    if (chunk.batch().isEmpty()) {
      return oversize;
    }
    return oversize
        .compose(v -> parts.permits().acquire())
        .compose(v -> load(chunk.batch()).compose(this::send).andThen(ar -> parts.permits().release()));
  }

  private Future<Void> refuseOversize(List<SyncPerson> persons) {
    if (persons.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, TerminalLedger.Refusal> refused = new LinkedHashMap<>();
    persons.forEach(p -> refused.put(p.id(), new TerminalLedger.Refusal(p.digest(), TOO_LARGE)));
    return answered(Map.of(), refused);
  }

  private Future<List<Outgoing>> load(List<SyncPerson> batch) {
    Map<String, Optional<byte[]>> photos = new HashMap<>();
    List<String> withFace = batch.stream().filter(p -> p.faceSha() != null).map(SyncPerson::id).toList();
    return parts.faces().read(withFace, (id, photo) -> {
      if (photo.succeeded()) {
        photos.put(id, photo.result());
      } else {
        parts.catalog().unreadable(id);
      }
    }).map(v -> {
      List<Outgoing> out = new ArrayList<>(batch.size());
      for (SyncPerson p : batch) {
        if (p.faceSha() != null && !photos.containsKey(p.id())) {
          continue; // unreadable now: left alone until it can be read
        }
        byte[] face = p.faceSha() == null ? null : photos.get(p.id()).orElse(null);
        // The digest of what is really sent: a photo replaced since the plan is recorded as sent.
        String digest = EntryDigest.of(p.person(), face == null ? null : EntryDigest.sha256(face));
        out.add(new Outgoing(new DeviceCommand.TerminalPerson(p.id(), p.person().name(), p.person().validFrom(),
            p.person().validTo(), p.person().cards(), face), digest));
      }
      return out;
    });
  }

  private Future<Void> send(List<Outgoing> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<DeviceCommand.TerminalPerson> persons = batch.stream().map(Outgoing::person).toList();
    return parts.sender().send(new DeviceCommand.UpsertPersons(device, persons)).transform(ar -> {
      if (ar.failed()) {
        // The driver refuses before sending what breaks the interface's limits.
        return CommandFailures.code(ar.cause()) == CommandFailures.INVALID
            ? split(batch, TOO_LARGE) : Future.failedFuture(ar.cause());
      }
      CommandResult r = ar.result();
      if (r.ok()) {
        return record(batch, r.failed());
      }
      if (TOO_LARGE.equals(r.error()) || BAD_REQUEST.equals(r.error())) {
        return split(batch, r.error());
      }
      return Future.failedFuture(new RefusedException(device, String.valueOf(r.error())));
    });
  }

  /** Halves until the culprit is alone; it is then refused with the terminal's reason. */
  private Future<Void> split(List<Outgoing> batch, String error) {
    if (batch.size() == 1) {
      Outgoing o = batch.get(0);
      return answered(Map.of(), Map.of(o.person().personId(), new TerminalLedger.Refusal(o.digest(), error)));
    }
    int half = batch.size() / 2;
    List<Outgoing> second = batch.subList(half, batch.size());
    return send(batch.subList(0, half)).compose(v -> send(second));
  }

  private Future<Void> record(List<Outgoing> batch, List<CommandResult.PersonFailure> failures) {
    Map<String, String> errors = new HashMap<>();
    failures.forEach(f -> errors.put(f.personId(), f.error()));
    Map<String, String> taken = new LinkedHashMap<>();
    Map<String, TerminalLedger.Refusal> refused = new LinkedHashMap<>();
    for (Outgoing o : batch) {
      String id = o.person().personId();
      String error = errors.get(id);
      if (error == null) {
        taken.put(id, o.digest());
      } else {
        refused.put(id, new TerminalLedger.Refusal(o.digest(), error));
      }
    }
    parts.reporter().sent(device, taken.size());
    return answered(taken, refused);
  }

  private Future<Void> answered(Map<String, String> taken, Map<String, TerminalLedger.Refusal> refused) {
    List<SyncStatus.FailedPerson> report = new ArrayList<>();
    refused.forEach((id, r) -> report.add(new SyncStatus.FailedPerson(id, r.error())));
    parts.reporter().refused(device, report);
    return ledger.answered(taken, refused);
  }
}
