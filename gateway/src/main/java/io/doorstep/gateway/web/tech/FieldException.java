package io.doorstep.gateway.web.tech;

/** A request's field that cannot be used: answered 400 with the field named. */
final class FieldException extends RuntimeException {
  private final String field;

  FieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
