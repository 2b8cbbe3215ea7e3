-- Person sync: what each face terminal is known to hold, so that a restart of the gateway
-- sends a terminal only the difference instead of its whole list.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.

-- One row per (terminal, person) the gateway has sent or tried to send.
--   digest: fingerprint of the entry (name, validity, cards, face) as last sent.
--   state:  'ok' when the terminal took it, 'failed' when it refused the person (error says why);
--           a failed person is not sent again until the digest changes.
--   held:   whether the terminal holds some entry for the person; a refused update leaves the
--           previous entry in place, so a failed row may still be held.
-- No foreign key to persons: a removed person's row is what tells the sync to delete them.
CREATE TABLE sync_persons (
  device     TEXT    NOT NULL,
  person_id  TEXT    NOT NULL,
  digest     TEXT    NOT NULL,
  state      TEXT    NOT NULL CHECK (state IN ('ok', 'failed')),
  error      TEXT,
  held       INTEGER NOT NULL CHECK (held IN (0, 1)),
  updated_ts INTEGER NOT NULL,
  PRIMARY KEY (device, person_id),
  CHECK (state = 'failed' OR held = 1)
) WITHOUT ROWID;
