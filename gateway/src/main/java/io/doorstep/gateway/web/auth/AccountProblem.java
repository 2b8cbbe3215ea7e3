package io.doorstep.gateway.web.auth;

/**
 * A change to an account the gateway refuses, naming the form field at fault so the page can
 * mark it. {@code status} is the HTTP status the API answers with.
 */
public final class AccountProblem extends RuntimeException {
  private final int status;
  private final String field;

  AccountProblem(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  static AccountProblem bad(String field, String message) {
    return new AccountProblem(400, field, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
