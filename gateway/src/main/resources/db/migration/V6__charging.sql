-- E-bike charging sessions.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One row per session on a port: from the relay closing with a bike drawing power to the port
-- leaving that state. ended_ts is NULL while it runs; a restart adopts the open row of a port
-- that is still charging instead of starting a second one.
CREATE TABLE charging_sessions (
  id               INTEGER PRIMARY KEY,
  pile             TEXT    NOT NULL,
  port             INTEGER NOT NULL CHECK (port BETWEEN 1 AND 64),
  shed             TEXT    NOT NULL,
  started_ts       INTEGER NOT NULL,
  ended_ts         INTEGER,
  energy_wh        INTEGER NOT NULL DEFAULT 0,
  peak_power_w     INTEGER NOT NULL DEFAULT 0,
  peak_plug_c      REAL,
  stop_reason      TEXT
);
CREATE UNIQUE INDEX charging_sessions_one_open ON charging_sessions (pile, port) WHERE ended_ts IS NULL;
CREATE INDEX charging_sessions_by_start ON charging_sessions (started_ts);
