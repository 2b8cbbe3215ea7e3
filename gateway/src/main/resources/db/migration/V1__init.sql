-- Doorstep schema, version 1.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add V2__... instead, or gateways that already ran this one drift apart.

-- The event log. seq is the log position upstream sync and the page resume from; AUTOINCREMENT
-- keeps it from ever being reused. id is the event's own stable id, so a device repeating a
-- message is stored once.
CREATE TABLE events (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  id        TEXT    NOT NULL UNIQUE,
  ts        INTEGER NOT NULL,
  device    TEXT    NOT NULL,
  kind      TEXT    NOT NULL,
  severity  TEXT    NOT NULL,
  payload   TEXT    NOT NULL CHECK (json_valid(payload)),
  stored_ts INTEGER NOT NULL
);
CREATE INDEX events_kind_seq ON events (kind, seq);
CREATE INDEX events_device_seq ON events (device, seq);

-- What was recorded stays recorded: the log is evidence (who opened which door, when the fire
-- panel spoke), so even a mistaken write elsewhere in the gateway must not rewrite it.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TABLE persons (
  id         TEXT    PRIMARY KEY,
  name       TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  household  TEXT,
  valid_from INTEGER NOT NULL DEFAULT 0,
  valid_to   INTEGER NOT NULL DEFAULT 0,
  created_ts INTEGER NOT NULL,
  updated_ts INTEGER NOT NULL
);

-- A card belongs to one person at a time; removing the person revokes the card with it.
CREATE TABLE cards (
  uid       TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE
);
CREATE INDEX cards_person ON cards (person_id);

CREATE TABLE devices (
  id         TEXT    PRIMARY KEY,
  type       TEXT    NOT NULL,
  online     INTEGER NOT NULL CHECK (online IN (0, 1)),
  last_seen  INTEGER NOT NULL,
  updated_ts INTEGER NOT NULL
);

CREATE TABLE alarms (
  id         INTEGER PRIMARY KEY,
  event_id   TEXT    NOT NULL,
  device     TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  severity   TEXT    NOT NULL,
  raised_ts  INTEGER NOT NULL,
  cleared_ts INTEGER,
  acked_ts   INTEGER,
  acked_by   TEXT,
  note       TEXT
);
-- The page and the alarm service ask for open alarms far more often than for history.
CREATE INDEX alarms_open ON alarms (raised_ts) WHERE cleared_ts IS NULL;

CREATE TABLE audit (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  ts          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  target      TEXT,
  before_json TEXT,
  after_json  TEXT
);
