package io.doorstep.gateway.people;

/** One thing wrong with one field of a person. */
public record FieldProblem(PersonField field, String reason) {

  @Override
  public String toString() {
    return field.english() + ": " + reason;
  }
}
