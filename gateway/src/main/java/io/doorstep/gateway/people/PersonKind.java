package io.doorstep.gateway.people;

import java.util.Locale;
import java.util.Optional;

/** Who a person is to the estate; the access rules give each kind its own defaults. */
public enum PersonKind {
  RESIDENT("resident", "业主", "住户"),
  TENANT("tenant", "租户", "租客"),
  STAFF("staff", "员工", "工作人员"),
  VISITOR("visitor", "访客", "来访");

  private final String code;
  private final String chinese;
  private final String alias;

  PersonKind(String code, String chinese, String alias) {
    this.code = code;
    this.chinese = chinese;
    this.alias = alias;
  }

  /** The word stored in the persons table and used on the bus. */
  public String code() {
    return code;
  }

  /** The word a property office writes. */
  public String chinese() {
    return chinese;
  }

  /** Residents and tenants live somewhere; staff and visitors need not. */
  public boolean needsHousehold() {
    return this == RESIDENT || this == TENANT;
  }

  /** Accepts the code in any case, or either Chinese word. */
  public static Optional<PersonKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    for (PersonKind k : values()) {
      if (k.code.equals(t.toLowerCase(Locale.ROOT)) || k.chinese.equals(t) || k.alias.equals(t)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  public static PersonKind ofCode(String code) {
    for (PersonKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown person kind in the store: " + code);
  }

  /** For messages: "业主/resident, 租户/tenant, 员工/staff, 访客/visitor". */
  static String choices() {
    StringBuilder s = new StringBuilder();
    for (PersonKind k : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(k.chinese).append('/').append(k.code);
    }
    return s.toString();
  }
}
