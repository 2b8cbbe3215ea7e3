-- Doorstep schema, version 9: the people who log in to the local web page.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.

-- name is what a person types at the login page and what the audit log names them by; it is
-- compared without regard to case, so "Wang" and "wang" cannot be two accounts.
-- password_hash is an Argon2id string ($argon2id$v=19$m=…,t=…,p=…$salt$hash), never the password.
CREATE TABLE web_users (
  name          TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
  role          TEXT    NOT NULL CHECK (role IN ('guard', 'technician', 'office', 'admin')),
  password_hash TEXT    NOT NULL,
  created_ts    INTEGER NOT NULL,
  last_login_ts INTEGER,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- The admin page reads the audit log by person and by action, newest first.
CREATE INDEX audit_actor_seq ON audit (actor, seq);
CREATE INDEX audit_action_seq ON audit (action, seq);
