package io.doorstep.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the file's schema up to the version this build knows, one migration per transaction, so
 * a crash mid-upgrade leaves the file at the last complete version and the next start resumes.
 */
final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /**
   * Listed, not discovered: scanning the class path does not work the same from a jar, and a
   * migration that runs only because a file happened to be there is not one to trust.
   */
  private static final List<String> FILES = List.of(
      "V1__init.sql", "V2__people.sql", "V3__access.sql", "V4__sync.sql", "V5__doors.sql",
      "V6__charging.sql", "V7__upstream.sql", "V8__platform_limits.sql",
      "V9__web_users.sql", "V10__device_edits.sql", "V11__door_timings.sql", "V12__visitor_pass_list.sql",
      "V13__line_edits.sql");

  private static final String DIRECTORY = "/db/migration/";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");
  private static final List<Migration> ALL = parse(FILES);

  private record Migration(int version, String file) {}

  private Migrations() {}

  static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /** Returns the schema version the file is at afterwards. */
  static int apply(Connection c) throws StoreException {
    int current;
    try {
      SqliteConnections.execute(c, """
          CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            file       TEXT    NOT NULL,
            applied_ts INTEGER NOT NULL
          )""");
      String max = SqliteConnections.queryString(c, "SELECT max(version) FROM schema_version");
      current = max == null ? 0 : Integer.parseInt(max);
    } catch (SQLException e) {
      throw new StoreException("cannot read the schema version: " + e.getMessage(), e);
    }
    if (current > latestVersion()) {
      // Running old code on a newer schema would write rows the newer code cannot trust.
      throw new StoreException("database schema is at version " + current + " but this build of Doorstep knows only up to "
          + latestVersion() + ": install the newer Doorstep again, or restore a backup made by this version", null);
    }
    for (Migration m : ALL) {
      if (m.version() > current) {
        run(c, m);
        current = m.version();
      }
    }
    return current;
  }

  private static void run(Connection c, Migration m) throws StoreException {
    String sql = load(m.file());
    try {
      Transactions.immediate(c, tx -> {
        try (Statement s = tx.createStatement()) {
          // executeUpdate goes through sqlite3_exec, which runs every statement of the file in turn.
          s.executeUpdate(sql);
        }
        try (PreparedStatement ps = tx.prepareStatement(
            "INSERT INTO schema_version (version, file, applied_ts) VALUES (?, ?, ?)")) {
          ps.setInt(1, m.version());
          ps.setString(2, m.file());
          ps.setLong(3, System.currentTimeMillis());
          ps.executeUpdate();
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreException("schema migration " + m.file() + " failed: " + e.getMessage(), e);
    }
    LOG.info("applied schema migration {}", m.file());
  }

  private static String load(String file) throws StoreException {
    try (InputStream in = Migrations.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new StoreException("schema migration " + DIRECTORY + file + " is missing from the build", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read schema migration " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Migration> parse(List<String> files) {
    List<Migration> out = new ArrayList<>();
    for (String file : files) {
      Matcher m = NAME.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException("migration file " + file + " is not named V<n>__<name>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version != out.size() + 1) {
        throw new IllegalStateException("migration " + file + " is out of order: expected version " + (out.size() + 1));
      }
      out.add(new Migration(version, file));
    }
    return List.copyOf(out);
  }
}
