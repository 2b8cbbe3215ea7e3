-- Door timings changed on the technician console.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One row per door and timing the console changed. At start these are laid over the estate
-- file's timings (io.doorstep.gateway.doors.DoorTimings); the file itself is never rewritten.
CREATE TABLE door_timings (
  door        TEXT    NOT NULL,
  name        TEXT    NOT NULL,   -- openMs, remoteOpenMs or heldOpenMs
  value       INTEGER NOT NULL,   -- milliseconds
  changed_by  TEXT    NOT NULL,
  changed_ts  INTEGER NOT NULL,
  PRIMARY KEY (door, name)
);
