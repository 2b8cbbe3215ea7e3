package io.doorstep.gateway.people;

import io.doorstep.gateway.bus.Addresses;
import io.doorstep.gateway.bus.PersonsChanged;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Households, persons and their credentials, as the property office and the guards manage them.
 *
 * <p>Each change is checked, then written with its audit row in one transaction of the store's
 * writer, then announced on {@link Addresses#PERSONS_CHANGED} so that decisions and terminals
 * follow. A refused change fails its future with a {@link PeopleException} and changes nothing.
 * Nothing here blocks: SQL runs on the store's threads, crypto on workers.
 */
public final class PeopleService {

  private static final Logger LOG = LoggerFactory.getLogger(PeopleService.class);

  private final Store store;
  private final EventBus bus;
  private final FaceVault faces;
  private final PersonRules rules;
  private final PersonCsvImport csv;

  /**
   * @param zone the estate's time zone, for the dates of an import
   */
  public PeopleService(Vertx vertx, Store store, FaceVault faces, EstateConfig estate, ZoneId zone) {
    this.store = store;
    this.bus = vertx.eventBus();
    this.faces = faces;
    this.rules = new PersonRules(estate);
    this.csv = new PersonCsvImport(vertx, store, rules, zone);
  }

  /** Adds a new person, with a face photo or none ({@code faceJpeg} null). */
  public Future<PersonEntry> add(String actor, Person person, byte[] faceJpeg) {
    Person p;
    try {
      p = checked(person);
    } catch (PeopleException e) {
      return Future.failedFuture(e);
    }
    Future<SealedPhoto> sealed = faceJpeg == null ? Future.succeededFuture() : faces.seal(p.id(), faceJpeg);
    return sealed.compose(photo -> store.write(c -> {
      if (PeopleRows.find(c, p.id()).isPresent()) {
        return Attempt.<PersonEntry>refused(PeopleException.Code.EXISTS, "person " + p.id() + " exists already");
      }
      Attempt<PersonEntry> conflict = conflicts(c, p);
      if (conflict != null) {
        return conflict;
      }
      long now = System.currentTimeMillis();
      PeopleRows.write(c, List.of(p), now);
      if (photo != null) {
        FaceRows.put(c, p.id(), photo, now);
      }
      AuditTrail.record(c, actor, "person.add", p.id(), null, PersonJson.of(p, photo != null).encode(), now);
      return Attempt.changed(new PersonEntry(p, photo == null ? null : photo.sha256()));
    })).compose(this::announce);
  }

  /** Replaces a person's data and credentials; the face photo stays as it is. */
  public Future<PersonEntry> update(String actor, Person person) {
    Person p;
    try {
      p = checked(person);
    } catch (PeopleException e) {
      return Future.failedFuture(e);
    }
    return store.write(c -> {
      Optional<Person> before = PeopleRows.find(c, p.id());
      if (before.isEmpty()) {
        return Attempt.<PersonEntry>refused(PeopleException.Code.NOT_FOUND, "no person " + p.id());
      }
      String face = FaceRows.digest(c, p.id()).orElse(null);
      if (before.get().equals(p)) {
        return Attempt.unchanged(new PersonEntry(p, face));
      }
      Attempt<PersonEntry> conflict = conflicts(c, p);
      if (conflict != null) {
        return conflict;
      }
      long now = System.currentTimeMillis();
      PeopleRows.write(c, List.of(p), now);
      AuditTrail.record(c, actor, "person.update", p.id(), PersonJson.of(before.get(), face != null).encode(),
          PersonJson.of(p, face != null).encode(), now);
      return Attempt.changed(new PersonEntry(p, face));
    }).compose(this::announce);
  }

  /** Removes a person with every card, vehicle, tag and their face photo. */
  public Future<Void> remove(String actor, String personId) {
    return store.write(c -> {
      Optional<Person> before = PeopleRows.find(c, personId);
      if (before.isEmpty()) {
        return Attempt.<PersonEntry>refused(PeopleException.Code.NOT_FOUND, "no person " + personId);
      }
      boolean face = FaceRows.digest(c, personId).isPresent();
      PeopleRows.delete(c, personId);
      AuditTrail.record(c, actor, "person.remove", personId, PersonJson.of(before.get(), face).encode(), null,
          System.currentTimeMillis());
      return Attempt.changed(new PersonEntry(before.get(), null));
    }).compose(this::announce).mapEmpty();
  }

  /** Sets or replaces a person's face photo: a JPEG of at most 2 MiB. */
  public Future<PersonEntry> setFace(String actor, String personId, byte[] jpeg) {
    return faces.seal(personId, jpeg).compose(photo -> store.write(c -> {
      Optional<Person> p = PeopleRows.find(c, personId);
      if (p.isEmpty()) {
        return Attempt.<PersonEntry>refused(PeopleException.Code.NOT_FOUND, "no person " + personId);
      }
      Optional<String> before = FaceRows.digest(c, personId);
      if (before.isPresent() && before.get().equals(photo.sha256())) {
        return Attempt.unchanged(new PersonEntry(p.get(), photo.sha256()));
      }
      long now = System.currentTimeMillis();
      FaceRows.put(c, personId, photo, now);
      AuditTrail.record(c, actor, "person.face.set", personId, PersonJson.of(p.get(), before.isPresent()).encode(),
          PersonJson.of(p.get(), true).encode(), now);
      return Attempt.changed(new PersonEntry(p.get(), photo.sha256()));
    })).compose(this::announce);
  }

  /**
   * Sets the face photos of many persons in one transaction, announced once: what a first
   * enrolment of a whole estate needs. Persons that do not exist are skipped.
   */
  public Future<Integer> setFaces(String actor, Map<String, byte[]> jpegByPerson) {
    List<Future<SealedPhoto>> sealing = new ArrayList<>(jpegByPerson.size());
    List<String> ids = new ArrayList<>(jpegByPerson.keySet());
    for (String id : ids) {
      sealing.add(faces.seal(id, jpegByPerson.get(id)));
    }
    return Future.all(sealing).compose(all -> store.write(c -> {
      long now = System.currentTimeMillis();
      int stored = 0;
      for (int i = 0; i < ids.size(); i++) {
        if (PeopleRows.find(c, ids.get(i)).isPresent()) {
          FaceRows.put(c, ids.get(i), all.<SealedPhoto>resultAt(i), now);
          stored++;
        }
      }
      AuditTrail.record(c, actor, "person.face.set-many", stored + " persons", null, null, now);
      return stored;
    })).onSuccess(n -> bus.publish(Addresses.PERSONS_CHANGED, PersonsChanged.all()));
  }

  /** Deletes a person's face photo; the person keeps their cards. */
  public Future<PersonEntry> removeFace(String actor, String personId) {
    return store.write(c -> {
      Optional<Person> p = PeopleRows.find(c, personId);
      if (p.isEmpty()) {
        return Attempt.<PersonEntry>refused(PeopleException.Code.NOT_FOUND, "no person " + personId);
      }
      if (!FaceRows.delete(c, personId)) {
        return Attempt.unchanged(new PersonEntry(p.get(), null));
      }
      AuditTrail.record(c, actor, "person.face.remove", personId, PersonJson.of(p.get(), true).encode(),
          PersonJson.of(p.get(), false).encode(), System.currentTimeMillis());
      return Attempt.changed(new PersonEntry(p.get(), null));
    }).compose(this::announce);
  }

  public Future<Optional<PersonEntry>> person(String personId) {
    return store.read(c -> PeopleQueries.entries(c, List.of(personId)).stream().findFirst());
  }

  public Future<List<PersonEntry>> search(PersonQuery query) {
    return store.read(c -> PeopleQueries.search(c, query));
  }

  /** The id the next person of this kind would get; a proposal: adding checks the id again. */
  public Future<String> nextId(PersonKind kind) {
    return store.read(c -> new PersonIds(PersonIds.stored(c)).take(kind));
  }

  /** Every household with how many persons it has now, in building, unit, room order. */
  public Future<List<HouseholdEntry>> households() {
    return store.read(PeopleQueries::households);
  }

  /** The persons of one household. */
  public Future<List<PersonEntry>> household(String householdId) {
    return store.read(c -> PeopleQueries.household(c, householdId));
  }

  /**
   * Imports a property office's CSV export (UTF-8 or GBK). All or nothing: when the report lists
   * any problem nothing was changed. {@code dryRun} only reports what an import would do.
   */
  public Future<ImportReport> importCsv(String actor, byte[] file, boolean dryRun) {
    return csv.run(actor, file, dryRun).onSuccess(report -> {
      // Counts only: the rows hold names and card numbers, which have no place in a log.
      LOG.info("people import by {}{}: {} added, {} changed, {} unchanged, {} refused, {} file problem(s); {}",
          actor, dryRun ? " (dry run)" : "", report.added(), report.changed(), report.unchanged(), report.refused(),
          report.fileProblems().size(), report.applied() ? "applied" : "nothing changed");
      if (report.applied() && (report.added() > 0 || report.changed() > 0)) {
        bus.publish(Addresses.PERSONS_CHANGED, PersonsChanged.all());
      }
    });
  }

  private Person checked(Person person) {
    PersonRules.Checked checked = rules.check(person);
    if (!checked.ok()) {
      throw new PeopleException(PeopleException.Code.INVALID,
          checked.problems().stream().map(FieldProblem::toString).collect(Collectors.joining("; ")), checked.problems());
    }
    return checked.person();
  }

  private static Attempt<PersonEntry> conflicts(Connection c, Person p) throws SQLException {
    List<PeopleRows.Conflict> conflicts = PeopleRows.conflicts(c, p);
    if (conflicts.isEmpty()) {
      return null;
    }
    return new Attempt<>(null, new PeopleException(PeopleException.Code.CONFLICT,
        conflicts.stream().map(PeopleRows.Conflict::reason).collect(Collectors.joining("; ")),
        conflicts.stream().map(k -> new FieldProblem(k.field(), k.reason())).toList()), false);
  }

  private Future<PersonEntry> announce(Attempt<PersonEntry> attempt) {
    if (attempt.refusal() != null) {
      return Future.failedFuture(attempt.refusal());
    }
    if (attempt.changed()) {
      bus.publish(Addresses.PERSONS_CHANGED, PersonsChanged.of(Set.of(attempt.value().id())));
    }
    return Future.succeededFuture(attempt.value());
  }
}
