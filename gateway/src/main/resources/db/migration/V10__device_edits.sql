-- Devices added, changed or removed on the technician console.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One row per device the console changed, the latest edit only. At start these are laid over
-- the estate file's devices (io.doorstep.gateway.config.DeviceEdits) and the result is checked
-- as the file is; the file itself is never rewritten.
CREATE TABLE device_edits (
  device      TEXT    PRIMARY KEY,
  entry_json  TEXT,               -- the device's keys as the estate file writes them; NULL: removed
  changed_by  TEXT    NOT NULL,
  changed_ts  INTEGER NOT NULL,
  seq         INTEGER NOT NULL    -- the order edits are laid over the file
);
