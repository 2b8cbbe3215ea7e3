-- Doorstep schema, version 3: access groups, blocklist, visitor passes, anti-passback.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- The rules themselves (groups, schedules, passback groups) live in the estate file; these
-- tables hold what guards and the office change at run time, and what must survive a restart.

-- Persons added to a group of the estate file beyond what their kind gives them. A group
-- removed from the file leaves its rows unread, so putting it back restores its members.
CREATE TABLE access_group_members (
  person_id TEXT    NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  group_id  TEXT    NOT NULL,
  added_ts  INTEGER NOT NULL,
  PRIMARY KEY (person_id, group_id)
) WITHOUT ROWID;

-- Not tied to the persons table: removing and re-importing a person must not lift a block.
CREATE TABLE access_blocklist (
  kind       TEXT    NOT NULL CHECK (kind IN ('person', 'card')),
  subject    TEXT    NOT NULL,
  owner      TEXT,
  reason     TEXT    NOT NULL,
  until_ts   INTEGER NOT NULL DEFAULT 0,
  created_ts INTEGER NOT NULL,
  PRIMARY KEY (kind, subject)
) WITHOUT ROWID;

-- Passes as issued, for the guards' record. Verification never reads this table: the QR code
-- carries the pass, signed.
CREATE TABLE visitor_passes (
  id           TEXT    PRIMARY KEY,
  visitor_name TEXT    NOT NULL,
  doors        TEXT    NOT NULL CHECK (json_valid(doors)),
  valid_from   INTEGER NOT NULL,
  valid_to     INTEGER NOT NULL,
  uses         INTEGER NOT NULL,
  issued_ts    INTEGER NOT NULL
);

-- Openings per pass, written after each one; apart from visitor_passes so that a count is kept
-- even for a pass whose record was lost.
CREATE TABLE visitor_pass_uses (
  pass_id TEXT    PRIMARY KEY,
  used    INTEGER NOT NULL,
  last_ts INTEGER NOT NULL
) WITHOUT ROWID;

-- The last passage of each holder (person id, or "pass:" + pass id) in each passback group.
CREATE TABLE access_passback (
  grp       TEXT    NOT NULL,
  holder    TEXT    NOT NULL,
  direction TEXT    NOT NULL,
  ts        INTEGER NOT NULL,
  PRIMARY KEY (grp, holder)
) WITHOUT ROWID;
