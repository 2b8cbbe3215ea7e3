package io.doorstep.gateway.web.auth;

import io.doorstep.gateway.web.auth.Role.Area;

/**
 * Which area of the page a path belongs to, by the prefixes every part of the page follows:
 * {@code /tech/} and {@code /api/tech/}, {@code /office/}, {@code /admin/}; everything else that
 * needs a session is the board. Decided on the normalized path, the one the static files are
 * served from, so {@code /js/../admin/} is the admin area and not a script.
 */
final class Areas {
  private Areas() {}

  /** What anyone may load: the login and set-up pages, their scripts and styles, the session API. */
  static boolean isOpen(String path) {
    return path.equals("/login.html") || path.equals("/setup.html") || path.equals("/forbidden.html")
        || path.equals("/favicon.svg") || path.startsWith("/js/") || path.startsWith("/css/")
        || path.startsWith("/api/session/");
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/");
  }

  static Area of(String path) {
    if (under(path, "/tech") || under(path, "/api/tech")) {
      return Area.TECH;
    }
    if (under(path, "/office") || under(path, "/api/office")) {
      return Area.OFFICE;
    }
    if (under(path, "/admin") || under(path, "/api/admin")) {
      return Area.ADMIN;
    }
    return Area.BOARD;
  }

  /** Where a role lands after logging in: the board, or the office for office staff. */
  static String home(Role role) {
    return role.mayEnter(Area.BOARD) ? "/" : "/office/";
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
