package io.doorstep.gateway.people;

/** Why a change to people was refused; nothing was changed. The message is fit to show. */
public final class PeopleException extends RuntimeException {

  /** What a caller (the web page) needs to choose its answer. */
  public enum Code {
    /** The input breaks a rule: a bad card number, an unknown household, a photo that is not a JPEG. */
    INVALID,
    /** No person with that id. */
    NOT_FOUND,
    /** A person with that id exists already. */
    EXISTS,
    /** A card, plate or tag belongs to someone else. */
    CONFLICT
  }

  private final Code code;

  public PeopleException(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
