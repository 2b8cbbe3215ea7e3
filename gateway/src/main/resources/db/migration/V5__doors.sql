-- Doors and fire.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One open alarm of a kind per device: a terminal reports a forced door both on up/door and on
-- up/alarm, and a repeated message must not stack alarms a guard has to acknowledge twice.
CREATE UNIQUE INDEX alarms_one_open ON alarms (device, kind) WHERE cleared_ts IS NULL;

-- Fire mode, one row. It is the reason a gateway that restarts during a fire holds the egress
-- doors open again at once, without waiting for the panel to speak.
-- restore_pending: a reset was accepted but not every door has confirmed the end of its hold yet,
-- so a restart sends the end of the hold again.
CREATE TABLE fire_mode (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  active          INTEGER NOT NULL CHECK (active IN (0, 1)),
  started_ts      INTEGER,
  source          TEXT,
  reason          TEXT,
  event_id        TEXT,
  ended_ts        INTEGER,
  ended_by        TEXT,
  ended_role      TEXT,
  restore_pending INTEGER NOT NULL DEFAULT 0 CHECK (restore_pending IN (0, 1))
);
INSERT INTO fire_mode (id, active) VALUES (1, 0);

-- What each fire source says now. A reset is refused while any of them still reports fire, also
-- after a restart, until the source reports that it is clear.
CREATE TABLE fire_sources (
  source     TEXT    PRIMARY KEY,
  alarm      INTEGER NOT NULL CHECK (alarm IN (0, 1)),
  changed_ts INTEGER NOT NULL
);
