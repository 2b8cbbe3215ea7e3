package io.doorstep.gateway.web;

/** A parameter or field the API refuses; the reply names it so the person can fix the request. */
public final class BadParameterException extends RuntimeException {
  private final String parameter;

  public BadParameterException(String parameter, String problem) {
    super(problem);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
