-- Doorstep schema, version 2: people and their credentials.
-- Applied once, inside one transaction, by io.doorstep.gateway.store.Migrations.
-- The formats of the text columns are in docs/people.md; io.doorstep.gateway.people checks them.

-- A flat of the estate. building, unit and room are read from the id ("B03-U1-1502"), so they
-- can never disagree with it.
CREATE TABLE households (
  id       TEXT PRIMARY KEY CHECK (id GLOB '?*-?*-?*'),
  building TEXT GENERATED ALWAYS AS (substr(id, 1, instr(id, '-') - 1)) VIRTUAL,
  unit     TEXT GENERATED ALWAYS AS (
             substr(substr(id, instr(id, '-') + 1), 1, instr(substr(id, instr(id, '-') + 1), '-') - 1)) VIRTUAL,
  room     TEXT GENERATED ALWAYS AS (
             substr(substr(id, instr(id, '-') + 1), instr(substr(id, instr(id, '-') + 1), '-') + 1)) VIRTUAL
);

-- Whoever writes a person (the people service, an import, the demo through the store) registers
-- the household, so the household list is never missing one. An id that is not building-unit-room
-- is skipped: the person is still stored, the flat is just not listed. NOT EXISTS rather than
-- INSERT OR IGNORE: inside a trigger, the firing statement's conflict policy overrides the
-- trigger's own, and the store's upsert of persons would fail on a household already listed.
INSERT INTO households (id)
  SELECT DISTINCT household FROM persons WHERE household GLOB '?*-?*-?*';
CREATE TRIGGER persons_household_insert AFTER INSERT ON persons
WHEN NEW.household GLOB '?*-?*-?*' AND NOT EXISTS (SELECT 1 FROM households WHERE id = NEW.household)
BEGIN
  INSERT INTO households (id) VALUES (NEW.household);
END;
CREATE TRIGGER persons_household_update AFTER UPDATE OF household ON persons
WHEN NEW.household GLOB '?*-?*-?*' AND NOT EXISTS (SELECT 1 FROM households WHERE id = NEW.household)
BEGIN
  INSERT INTO households (id) VALUES (NEW.household);
END;
CREATE INDEX persons_household ON persons (household);

-- Only the four kinds the access rules know; V1's persons table has no CHECK and a CHECK cannot
-- be added to an existing table without rebuilding it (and its cards with it).
CREATE TRIGGER persons_kind_insert BEFORE INSERT ON persons
WHEN NEW.kind NOT IN ('resident', 'tenant', 'staff', 'visitor')
BEGIN
  SELECT RAISE(ABORT, 'person kind must be resident, tenant, staff or visitor');
END;
CREATE TRIGGER persons_kind_update BEFORE UPDATE OF kind ON persons
WHEN NEW.kind NOT IN ('resident', 'tenant', 'staff', 'visitor')
BEGIN
  SELECT RAISE(ABORT, 'person kind must be resident, tenant, staff or visitor');
END;

-- The card's kind follows from its normalized text (mifare "04A1B2C3", wiegand26 "W26:123:45678",
-- wiegand34 "W34:3735928559"), so a card written by any code path carries the right kind.
ALTER TABLE cards ADD COLUMN kind TEXT GENERATED ALWAYS AS (
  CASE
    WHEN uid LIKE 'W26:%' THEN 'wiegand26'
    WHEN uid LIKE 'W34:%' THEN 'wiegand34'
    ELSE 'mifare'
  END) VIRTUAL;

-- Cars and e-bikes by plate. The plate is normalized (upper case, no spaces or separators), so
-- "闽C·12345" from a camera and "闽c 12345" from an office are one vehicle.
CREATE TABLE vehicles (
  plate     TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('car', 'ebike'))
);
CREATE INDEX vehicles_person ON vehicles (person_id);

-- E-bike electronic plates (RFID), upper-case hex as the lane reader reports them.
CREATE TABLE ebike_tags (
  tag       TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE
);
CREATE INDEX ebike_tags_person ON ebike_tags (person_id);

-- Face photos, AES-256-GCM with the person id as associated data (a row copied to another
-- person does not decrypt); the key is a file outside the database. Removing the person
-- removes the photo. sha256 is of the plain JPEG: it tells whether a terminal has the current
-- photo without decrypting it.
CREATE TABLE face_photos (
  person_id  TEXT    PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  nonce      BLOB    NOT NULL CHECK (length(nonce) = 12),
  ciphertext BLOB    NOT NULL,
  sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
  updated_ts INTEGER NOT NULL
);
