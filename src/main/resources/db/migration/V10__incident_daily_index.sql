-- incident_daily's rows are written only by recounting whole days (a GROUP BY makes them unique), and every query
-- reads one level over a range of days. A seven-column primary key cost twice the index build of (level, day) and
-- several times its upkeep per row, for a uniqueness the recount already guarantees.
ALTER TABLE incident_daily DROP CONSTRAINT incident_daily_pkey;
CREATE INDEX incident_daily_level_day ON incident_daily (level, day);
