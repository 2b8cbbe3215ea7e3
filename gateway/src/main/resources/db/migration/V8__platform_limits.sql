-- Charging limits the platform changed (RPC setLimits, shared attributes).
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- One row per pile and limit the platform set, the latest value only. At start the charging
-- rules lay these over the estate file's limits of the pile before they read any pile; a
-- limit the platform never touched stays the file's.
CREATE TABLE platform_limits (
  pile        TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  value       REAL    NOT NULL,
  changed_ts  INTEGER NOT NULL,
  PRIMARY KEY (pile, name)
);
