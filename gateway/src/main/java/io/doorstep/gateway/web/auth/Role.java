package io.doorstep.gateway.web.auth;

import java.util.Locale;
import java.util.Set;

/**
 * Who a person at the web page is, and so which areas of it they may reach. Guards run the
 * board; technicians set up devices and also see the board; the property office keeps the
 * residents; an admin may do everything, including managing users and reading the audit log.
 */
public enum Role {
  GUARD(Set.of(Area.BOARD)),
  TECHNICIAN(Set.of(Area.BOARD, Area.TECH)),
  OFFICE(Set.of(Area.OFFICE)),
  ADMIN(Set.of(Area.BOARD, Area.TECH, Area.OFFICE, Area.ADMIN));

  /** The parts of the page, each behind its own path prefix (see {@link Area#pathPrefixes()}). */
  public enum Area {
    /** {@code /}, {@code /api/board/}, the live stream and the read-only estate API. */
    BOARD,
    /** {@code /tech/}, {@code /api/tech/}. */
    TECH,
    /** {@code /office/}, {@code /api/office/}. */
    OFFICE,
    /** {@code /admin/}, {@code /api/admin/}. */
    ADMIN
  }

  private final Set<Area> areas;

  Role(Set<Area> areas) {
    this.areas = areas;
  }

  public boolean mayEnter(Area area) {
    return areas.contains(area);
  }

  /** The name stored and shown: {@code guard}, {@code technician}, {@code office}, {@code admin}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named by code, or null when there is none by that name. */
  public static Role byCode(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
