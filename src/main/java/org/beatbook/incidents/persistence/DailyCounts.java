package org.beatbook.incidents.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.beatbook.incidents.domain.DailyTally;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Keeps {@code incident_daily} in step with the incidents. An import of new incidents only adds its own tally.
 * Otherwise this recounts the days listed in the transaction's temporary table {@code incident_days}. When those
 * days are most of the days counted so far (a first large import, a re-placement of everything), the table is rebuilt
 * instead: kept days are set aside, the table truncated, everything written without its index and the index built
 * once. Deleting and re-inserting a million rows one index entry at a time costs several times more.
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

    /** Bytes of COPY data sent at a time. */
    private static final int COPY_CHUNK = 1 << 20;

    private DailyCounts() {
    }

    /**
     * Adds the counts of incidents that were all new as rows of their own. A day's count is the sum of its rows, so
     * the counts already stored stay as they are; a later recount of the day folds the rows together. Written without
     * the index when the tally outnumbers what is stored, like the incidents themselves.
     */
    static void add(Connection connection, DailyTally tally) throws SQLException {
        if (tally.size() == 0) {
            return;
        }
        long stored = BulkIndexes.rows(connection, "incident_daily");
        if (tally.size() > stored) {
            BulkIndexes.around(connection, "incident_daily", false, () ->
                    copy(connection, tally, BulkIndexes.renewIfWorthIt(connection, "incident_daily", stored)));
        }
        else {
            copy(connection, tally, false);
        }
    }

    private static void copy(Connection connection, DailyTally tally, boolean freeze) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY incident_daily (level, "
                + "unit_code, day, category, offense, priority, sensitive, n) FROM STDIN (FORMAT binary"
                + (freeze ? ", FREEZE)" : ")"));
        in.writeToCopy(CopyBinary.HEADER, 0, CopyBinary.HEADER.length);
        CopyBinary rows = new CopyBinary();
        tally.forEach((level, code, day, kind, n) -> {
            rows.label(level).label(code).date(day).label(kind.category()).label(kind.offense())
                    .label(kind.priority()).flag(kind.sensitive()).integer(n).endRow();
            if (rows.length() >= COPY_CHUNK) {
                write(in, rows);
            }
        });
        write(in, rows);
        in.writeToCopy(CopyBinary.TRAILER, 0, CopyBinary.TRAILER.length);
        in.endCopy();
    }

    private static void write(CopyIn in, CopyBinary rows) throws SQLException {
        byte[] bytes = rows.take();
        in.writeToCopy(bytes, 0, bytes.length);
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
