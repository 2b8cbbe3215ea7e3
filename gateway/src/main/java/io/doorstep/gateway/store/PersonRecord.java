package io.doorstep.gateway.store;

import java.util.List;

/**
 * A person known to the estate, with the credentials they may present.
 *
 * @param id person id as terminals know it ("R1001")
 * @param kind resident, tenant, staff or visitor
 * @param household "building-unit-room", or null for staff
 * @param validFrom Unix ms, 0 = always
 * @param validTo Unix ms, 0 = no end
 * @param cards card UIDs, upper-case hex
 */
public record PersonRecord(
    String id, String name, String kind, String household, long validFrom, long validTo, List<String> cards) {

  public PersonRecord {
    cards = List.copyOf(cards);
  }
}
