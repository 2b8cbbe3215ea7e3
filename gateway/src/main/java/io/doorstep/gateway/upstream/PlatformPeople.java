package io.doorstep.gateway.upstream;

import io.doorstep.gateway.people.FieldProblem;
import io.doorstep.gateway.people.PeopleException;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.people.PersonField;
import io.doorstep.gateway.people.PersonForm;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Persons pushed and removed by the platform, through the people service exactly as the office's
 * page adds, edits and removes them: the same form, the same rules, the same audit rows and the
 * same sync to the terminals. Only the actor differs.
 */
final class PlatformPeople {
  private final PeopleService people;
  private final ZoneId zone;

  PlatformPeople(PeopleService people, ZoneId zone) {
    this.people = people;
    this.zone = zone;
  }

  /**
   * Adds the person, or replaces the data of the one with that id; then their photo, if one came.
   * Succeeds with {@code {"personId": …, "created": …}}; fails with a sentence that names each
   * field at fault as the request named it.
   */
  Future<JsonObject> push(String actor, RpcCommand.PushPerson push) {
    PersonForm.Result read = push.form().read(zone);
    if (!read.ok()) {
      return Future.failedFuture(new IllegalArgumentException(sentence(read.problems())));
    }
    String id = read.person().id();
    return people.person(id).compose(found -> {
      if (found.isEmpty()) {
        return people.add(actor, read.person(), push.faceJpeg()).map(true);
      }
      // Two changes, each audited: the data first, so that refused data leaves the photo as it was.
      return people.update(actor, read.person())
          .compose(e -> push.faceJpeg() == null ? Future.succeededFuture(e) : people.setFace(actor, id, push.faceJpeg()))
          .map(false);
    }).map(created -> new JsonObject().put(PersonParams.PERSON_ID, id).put("created", created))
        .recover(e -> Future.failedFuture(refusal(e)));
  }

  /** Removes the person with their credentials and photo; fails when there is no such person. */
  Future<JsonObject> remove(String actor, RpcCommand.RemovePerson remove) {
    return people.remove(actor, remove.personId())
        .map(v -> new JsonObject().put(PersonParams.PERSON_ID, remove.personId()))
        .recover(e -> Future.failedFuture(refusal(e)));
  }

  private static Throwable refusal(Throwable e) {
    if (e instanceof PeopleException p && !p.problems().isEmpty()) {
      return new IllegalArgumentException(sentence(p.problems()));
    }
    return e;
  }

  /** "name: empty; cards: …": the fields as the platform's request named them. */
  static String sentence(List<FieldProblem> problems) {
    return problems.stream().map(p -> param(p.field()) + ": " + p.reason()).collect(Collectors.joining("; "));
  }

  private static String param(PersonField field) {
    return field == PersonField.ID ? PersonParams.PERSON_ID : field.english();
  }
}
