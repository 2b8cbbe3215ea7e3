package io.doorstep.gateway.web.auth;

import io.vertx.ext.web.Session;

/**
 * Who a session belongs to, as kept in the session itself: the name, the role at login, when
 * they logged in (a later change to the account ends the session) and when it was last used.
 */
record SessionUser(String name, Role role, long loginMs, long seenMs) {
  private static final String NAME = "doorstep.name";
  private static final String ROLE = "doorstep.role";
  private static final String LOGIN = "doorstep.login";
  private static final String SEEN = "doorstep.seen";
  /** Writing the session on every request would only churn the store; a minute is precise enough. */
  static final long TOUCH_EVERY_MS = 60_000;

  static SessionUser in(Session session) {
    if (session == null) {
      return null;
    }
    String name = session.get(NAME);
    String role = session.get(ROLE);
    Long login = session.get(LOGIN);
    Long seen = session.get(SEEN);
    if (name == null || role == null || login == null || seen == null || Role.byCode(role) == null) {
      return null;
    }
    return new SessionUser(name, Role.byCode(role), login, seen);
  }

  void writeTo(Session session) {
    session.put(NAME, name).put(ROLE, role.code()).put(LOGIN, loginMs).put(SEEN, seenMs);
  }

  static void touch(Session session, long now) {
    Long seen = session.get(SEEN);
    if (seen != null && now - seen >= TOUCH_EVERY_MS) {
      session.put(SEEN, now);
      session.setAccessed();
    }
  }

  /** Marks the session used now, whatever the minute. */
  static void seen(Session session, long now) {
    session.put(SEEN, now);
    session.setAccessed();
  }

  WebUser webUser() {
    return new WebUser(name, role);
  }
}
