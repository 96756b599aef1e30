package org.beatbook.incidents.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Recounts {@code incident_daily} for the days listed in the transaction's temporary table {@code incident_days}.
 * When those days are most of the days counted so far (a first large import, a re-placement of everything), the
 * table is rebuilt instead: kept days are set aside, the table truncated, everything written without its index and
 * the index built once. Deleting and re-inserting a million rows one index entry at a time costs several times more.
 */
final class DailyCounts {

    /**
     * Counts every level of every incident's unit path and city-wide, for the listed days. Grouped by the whole
     * path element first and split into level and code afterwards: a million incidents make about 1.5 million groups
     * but 4 million elements.
     */
    private static final String RECOUNT = "INSERT INTO incident_daily (level, unit_code, day, category, offense, "
            + "priority, sensitive, n) SELECT split_part(u, ':', 1), substr(u, strpos(u, ':') + 1), day, category, "
            + "offense, priority, sensitive, n FROM (SELECT u, occurred_on AS day, category, offense, "
            + "coalesce(priority, '') AS priority, sensitive, count(*) AS n FROM incidents "
            + "CROSS JOIN LATERAL unnest(unit_path || 'city:all'::text) AS u "
            + "WHERE occurred_on IN (SELECT DISTINCT day FROM incident_days) GROUP BY 1, 2, 3, 4, 5, 6) counted";

    private DailyCounts() {
    }

    static void recount(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL work_mem = '256MB'");
            long touched = single(s, "SELECT count(DISTINCT day) FROM incident_days");
            if (touched == 0) {
                return;
            }
            long counted = single(s, "SELECT count(DISTINCT day) FROM incident_daily WHERE level = 'city'");
            if (touched * 2 <= counted) {
                s.execute("DELETE FROM incident_daily WHERE day IN (SELECT day FROM incident_days)");
                s.execute(RECOUNT);
                return;
            }
            s.execute("CREATE TEMPORARY TABLE incident_daily_kept ON COMMIT DROP AS SELECT * FROM incident_daily "
                    + "WHERE day NOT IN (SELECT day FROM incident_days)");
            // Readers run single statements in READ COMMITTED, so TRUNCATE's one MVCC caveat (an older snapshot
            // seeing the table empty) does not reach them; they wait for the commit and see the new counts.
            s.execute("TRUNCATE incident_daily");
            BulkIndexes.around(connection, "incident_daily", false, () -> {
                s.execute("INSERT INTO incident_daily SELECT * FROM incident_daily_kept");
                s.execute(RECOUNT);
            });
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
