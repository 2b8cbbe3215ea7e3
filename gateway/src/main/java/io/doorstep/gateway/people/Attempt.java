package io.doorstep.gateway.people;

/**
 * What a write decided. A refusal travels back as a value, not as an exception thrown inside the
 * store's writer: the writer would count it as a failed write and report the store unhealthy.
 */
record Attempt<T>(T value, PeopleException refusal, boolean changed) {

  static <T> Attempt<T> changed(T value) {
    return new Attempt<>(value, null, true);
  }

  static <T> Attempt<T> unchanged(T value) {
    return new Attempt<>(value, null, false);
  }

  static <T> Attempt<T> refused(PeopleException.Code code, String message) {
    return new Attempt<>(null, new PeopleException(code, message), false);
  }
}
