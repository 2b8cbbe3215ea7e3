-- Doorstep schema, version 12: visitor passes listed for the office and revocable.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- Who issued the pass and for whom the visitor comes (a person or household id, or NULL);
-- passes issued before this version have neither.
ALTER TABLE visitor_passes ADD COLUMN issued_by TEXT;
ALTER TABLE visitor_passes ADD COLUMN host TEXT;

-- A revoked pass keeps its row, so the list shows who revoked it and when. The access rules
-- load the ids of revoked passes still inside their window at start and refuse them from memory:
-- the signature alone no longer decides for a pass the office took back.
ALTER TABLE visitor_passes ADD COLUMN revoked_ts INTEGER;
ALTER TABLE visitor_passes ADD COLUMN revoked_by TEXT;

-- The office's list, newest first.
CREATE INDEX visitor_passes_issued ON visitor_passes (issued_ts DESC);
