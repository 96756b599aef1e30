-- An incident names its unit path and its source's unit labels by the key of a list in incident_unit_lists instead
-- of holding the two text arrays: an import repeats the same few thousand lists, and PostgreSQL spent about a fifth
-- of a million-row COPY taking the arrays apart (0.85 s of 3.7 s in psql, run 11 in docs/benchmarks.md).

-- A list's key is the first 8 bytes of the SHA-256 of its elements, each in UTF-8 followed by a zero byte (which no
-- text holds), read as a signed big-endian number. Importers compute it themselves (UnitLists.key) without asking the
-- database; entries are added before the commit of the incidents that use them and never removed.
CREATE FUNCTION incident_unit_list_key(units text[]) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ('x' || encode(substr(sha256(coalesce(string_agg(convert_to(u, 'UTF8') || '\x00'::bytea, ''::bytea
        ORDER BY n), ''::bytea)), 1, 8), 'hex'))::bit(64)::bigint
    FROM unnest(units) WITH ORDINALITY AS e (u, n)
$$;

CREATE TABLE incident_unit_lists (
    key   bigint PRIMARY KEY,
    -- level:code, top level first for a unit path
    units text[] NOT NULL
);

INSERT INTO incident_unit_lists (key, units)
SELECT incident_unit_list_key(units), units
FROM (SELECT unit_path AS units FROM incidents UNION SELECT source_units FROM incidents) AS lists;

ALTER TABLE incidents
    ALTER COLUMN unit_path TYPE bigint USING incident_unit_list_key(unit_path),
    ALTER COLUMN source_units TYPE bigint USING incident_unit_list_key(source_units);
ALTER TABLE incidents RENAME COLUMN unit_path TO unit_path_key;
ALTER TABLE incidents RENAME COLUMN source_units TO source_units_key;

-- The incidents with their lists, for reading by hand (and tests).
CREATE VIEW incidents_with_units AS
SELECT i.*, p.units AS unit_path, s.units AS source_units
FROM incidents i
JOIN incident_unit_lists p ON p.key = i.unit_path_key
JOIN incident_unit_lists s ON s.key = i.source_units_key;
