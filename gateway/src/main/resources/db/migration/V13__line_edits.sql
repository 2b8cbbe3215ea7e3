-- RS-485 lines added, changed or removed on the technician console.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One row per line the console changed, the latest edit only: the same as device_edits, for the
-- estate file's lines. A table of its own, since a line and a device may share an id. At start
-- these are laid over the file's lines (io.doorstep.gateway.config.DeviceEdits) and the result
-- is checked as the file is; the file itself is never rewritten.
CREATE TABLE line_edits (
  line        TEXT    PRIMARY KEY,
  entry_json  TEXT,               -- the line's keys as the estate file writes them; NULL: removed
  changed_by  TEXT    NOT NULL,
  changed_ts  INTEGER NOT NULL,
  seq         INTEGER NOT NULL    -- the order edits are laid over the file
);
