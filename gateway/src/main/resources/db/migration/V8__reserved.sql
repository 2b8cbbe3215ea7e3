-- Doorstep schema, version 8: reserved, and empty in this branch.
-- Another part of the web page holds version 8; the two are numbered in order when they are joined.
DROP TABLE IF EXISTS reserved_v8;
