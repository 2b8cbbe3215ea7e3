package io.doorstep.gateway.web;

/** A query parameter the API refuses; the reply names it so the caller can fix the request. */
final class BadParameterException extends RuntimeException {
  private final String parameter;

  BadParameterException(String parameter, String problem) {
    super(problem);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
