-- The daily counts name their unit and their kind by number. A million incidents make about 1.5 million daily rows;
-- with five texts in each, writing them and building their index took about 4 s of an import's 15 (run 9 in
-- docs/benchmarks.md), with four numbers about 1.5 s. A few hundred units and a few dozen kinds are named once, here.
-- No foreign keys: PostgreSQL would check each of the 1.5 million rows one by one; entries are added before the
-- counts that use them and never removed.
CREATE TABLE incident_daily_units (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    level     text NOT NULL,
    unit_code text NOT NULL,
    UNIQUE (level, unit_code)
);

-- What the daily counts tell apart besides unit and day; priority is '' when there is none.
CREATE TABLE incident_kinds (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category  text    NOT NULL,
    offense   text    NOT NULL,
    priority  text    NOT NULL,
    sensitive boolean NOT NULL,
    UNIQUE (category, offense, priority, sensitive)
);

INSERT INTO incident_daily_units (level, unit_code)
SELECT DISTINCT level, unit_code FROM incident_daily ORDER BY 1, 2;
INSERT INTO incident_kinds (category, offense, priority, sensitive)
SELECT DISTINCT category, offense, priority, sensitive FROM incident_daily ORDER BY 1, 2, 3, 4;

ALTER TABLE incident_daily RENAME TO incident_daily_named;
-- Per unit (every level, plus level 'city' code 'all' for everything), day and kind; a day's count is the sum of its
-- rows. Every trend query reads some units over a range of days.
CREATE TABLE incident_daily (
    unit integer NOT NULL,
    day  date    NOT NULL,
    kind integer NOT NULL,
    n    integer NOT NULL
);
INSERT INTO incident_daily (unit, day, kind, n)
SELECT u.id, d.day, k.id, d.n
FROM incident_daily_named d
JOIN incident_daily_units u ON u.level = d.level AND u.unit_code = d.unit_code
JOIN incident_kinds k ON k.category = d.category AND k.offense = d.offense AND k.priority = d.priority
    AND k.sensitive = d.sensitive
ORDER BY 1, 2;
DROP TABLE incident_daily_named;
CREATE INDEX incident_daily_unit_day ON incident_daily (unit, day);

-- The daily counts by name, for reading them by hand (and in tests).
CREATE VIEW incident_daily_counts AS
SELECT u.level, u.unit_code, d.day, k.category, k.offense, k.priority, k.sensitive, d.n
FROM incident_daily d
JOIN incident_daily_units u ON u.id = d.unit
JOIN incident_kinds k ON k.id = d.kind;
