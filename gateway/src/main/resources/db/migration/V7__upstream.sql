-- Store-and-forward to the platform upstream.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- Never edit a released migration: add a new one instead.

-- What is still to be sent: one row per event bound upstream, put there in the same transaction
-- as the event itself (a trigger on events, installed while upstream is enabled), removed when
-- the platform's broker has acknowledged it (PUBACK). The event's own row holds the data; this
-- only says which lane it travels in: 0 alarms and their acknowledgements, 1 the rest.
CREATE TABLE upstream_outbox (
  event_seq INTEGER PRIMARY KEY REFERENCES events (seq),
  lane      INTEGER NOT NULL CHECK (lane IN (0, 1))
);
CREATE INDEX upstream_outbox_lane ON upstream_outbox (lane, event_seq);

-- Routine events dropped because the backlog was full, by kind, until the platform has been
-- told (then the row is cleared). Alarms and passages are never dropped.
CREATE TABLE upstream_drops (
  kind      TEXT    PRIMARY KEY,
  dropped   INTEGER NOT NULL,
  first_ts  INTEGER NOT NULL,
  last_ts   INTEGER NOT NULL
);
