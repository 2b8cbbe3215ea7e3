package io.doorstep.gateway.people;

import java.util.List;

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
  private final List<FieldProblem> problems;

  public PeopleException(Code code, String message) {
    this(code, message, List.of());
  }

  /** A refusal whose causes each belong to one field, so a form can show them beside it. */
  public PeopleException(Code code, String message, List<FieldProblem> problems) {
    super(message, null, false, false);
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public Code code() {
    return code;
  }

  /** The fields at fault, in the order found; empty when the refusal is not about one field. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
