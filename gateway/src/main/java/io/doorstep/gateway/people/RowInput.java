package io.doorstep.gateway.people;

import java.util.List;

/**
 * One CSV row as read. An optional field is null when the file has no column for it: the import
 * then keeps what the person has. A field that could not be read is null too, and the row carries
 * the problem.
 *
 * @param id null when the row names the person by household and name only
 */
record RowInput(
    int line,
    String id,
    String name,
    PersonKind kind,
    String household,
    Long validFrom,
    Long validTo,
    List<Card> cards,
    List<Vehicle> cars,
    List<Vehicle> ebikes,
    List<String> ebikeTags,
    List<RowProblem> problems) {}
