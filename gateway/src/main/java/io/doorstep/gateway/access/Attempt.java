package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;

/**
 * A request with what the gateway found out about it before any rule ran: the door, and who or
 * which pass the credential stands for.
 *
 * @param door the door of the asking device, or null when the device serves none
 * @param person the person the face or card belongs to in the persons table, or null
 * @param pass the visitor pass, when a QR code carried a genuine one; else null
 * @param atMs when the passage is judged: now for a live request, the passage's own time for
 *     one a terminal decided alone
 */
public record Attempt(AccessRequest request, EstateConfig.Door door, PersonRecord person, VisitorPass pass, long atMs) {

  /** Whose passages anti-passback follows: the person, or the pass (a visitor has no person id). */
  public String holder() {
    return holderOf(person, pass);
  }

  static String holderOf(PersonRecord person, VisitorPass pass) {
    if (person != null) {
      return person.id();
    }
    return pass == null ? null : "pass:" + pass.id();
  }
}
