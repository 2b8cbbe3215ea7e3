-- Placeholder for version 2, which the people and credentials work adds as V2__people.sql.
-- Only here so that version 3 has a predecessor in this branch; at the merge the real file
-- replaces this one (the two conflict on purpose, so neither can slip in unnoticed).
SELECT 1;
