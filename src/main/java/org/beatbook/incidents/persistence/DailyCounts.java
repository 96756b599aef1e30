package org.beatbook.incidents.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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
     * but 4 million elements. The groups are kept aside so that units and kinds not numbered yet can be added first.
     */
    private static final String[] RECOUNT = {
        "CREATE TEMPORARY TABLE incident_recounted ON COMMIT DROP AS SELECT u AS unit, occurred_on AS day, "
            + "category, offense, coalesce(priority, '') AS priority, sensitive, count(*)::int AS n FROM incidents "
            + "JOIN incident_unit_lists p ON p.key = unit_path_key "
            + "CROSS JOIN LATERAL unnest(p.units || 'city:all'::text) AS u "
            + "WHERE occurred_on IN (SELECT DISTINCT day FROM incident_days) GROUP BY 1, 2, 3, 4, 5, 6",
        "INSERT INTO incident_daily_units (level, unit_code) SELECT DISTINCT split_part(unit, ':', 1), "
            + "substr(unit, strpos(unit, ':') + 1) FROM incident_recounted r WHERE NOT EXISTS (SELECT 1 FROM "
            + "incident_daily_units u WHERE u.level || ':' || u.unit_code = r.unit)",
        "INSERT INTO incident_kinds (category, offense, priority, sensitive) SELECT DISTINCT category, offense, "
            + "priority, sensitive FROM incident_recounted r WHERE NOT EXISTS (SELECT 1 FROM incident_kinds k "
            + "WHERE (k.category, k.offense, k.priority, k.sensitive) = (r.category, r.offense, r.priority, "
            + "r.sensitive))",
        "INSERT INTO incident_daily (unit, day, kind, n) SELECT u.id, r.day, k.id, r.n FROM incident_recounted r "
            + "JOIN incident_daily_units u ON u.level || ':' || u.unit_code = r.unit "
            + "JOIN incident_kinds k USING (category, offense, priority, sensitive)",
        "DROP TABLE incident_recounted"};

    /** The daily counts' own unit for everything, city-wide. */
    static final String CITY = "(SELECT id FROM incident_daily_units WHERE level = 'city' AND unit_code = 'all')";

    /** Bytes of COPY data sent at a time: the buffer stays below what G1 calls humongous (half a region, 512 KB or more). */
    private static final int COPY_CHUNK = 1 << 17;

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
            BulkIndexes.around(connection, "incident_daily", () ->
                    copy(connection, tally, BulkIndexes.renewIfWorthIt(connection, "incident_daily", stored)));
        }
        else {
            copy(connection, tally, false);
        }
    }

    private static void copy(Connection connection, DailyTally tally, boolean freeze) throws SQLException {
        int[] units = unitIds(connection, tally.units());
        int[] kinds = kindIds(connection, tally.kinds());
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY incident_daily (unit, day, kind, n) "
                + "FROM STDIN (FORMAT binary" + (freeze ? ", FREEZE)" : ")"));
        in.writeToCopy(CopyBinary.HEADER, 0, CopyBinary.HEADER.length);
        CopyBinary rows = new CopyBinary();
        tally.forEach(units, (unit, day, kind, n) -> {
            rows.integer(units[unit]).date(day).integer(kinds[kind]).integer(n).endRow();
            if (rows.length() >= COPY_CHUNK) {
                rows.writeTo(in);
            }
        });
        rows.writeTo(in);
        in.writeToCopy(CopyBinary.TRAILER, 0, CopyBinary.TRAILER.length);
        in.endCopy();
    }

    /** The numbers of the units (as level:code), in their order; those not numbered yet are added. */
    private static int[] unitIds(Connection connection, List<String> units) throws SQLException {
        String[] levels = new String[units.size()];
        String[] codes = new String[units.size()];
        for (int k = 0; k < units.size(); k++) {
            String unit = units.get(k);
            int colon = unit.indexOf(':');
            levels[k] = unit.substring(0, colon);
            codes[k] = unit.substring(colon + 1);
        }
        return ids(connection, "incident_daily_units", "level, unit_code", "?::text[], ?::text[]",
                new Object[] {levels, codes}, units.size());
    }

    /** The numbers of the kinds, in their order; those not numbered yet are added. */
    private static int[] kindIds(Connection connection, List<DailyTally.Kind> kinds) throws SQLException {
        Object[] columns = {kinds.stream().map(DailyTally.Kind::category).toArray(String[]::new),
            kinds.stream().map(DailyTally.Kind::offense).toArray(String[]::new),
            kinds.stream().map(DailyTally.Kind::priority).toArray(String[]::new),
            kinds.stream().map(DailyTally.Kind::sensitive).toArray(Boolean[]::new)};
        return ids(connection, "incident_kinds", "category, offense, priority, sensitive",
                "?::text[], ?::text[], ?::text[], ?::boolean[]", columns, kinds.size());
    }

    /**
     * The ids of a dictionary's entries given column by column as arrays, in their order; entries not there yet are
     * added (only those: a conflict would use up an id).
     */
    private static int[] ids(Connection connection, String table, String columns, String arrays, Object[] values,
                             int count) throws SQLException {
        String given = "unnest(" + arrays + ") WITH ORDINALITY AS given (" + columns + ", at)";
        String same = Arrays.stream(columns.split(", ")).map(c -> "d." + c + " = given." + c)
                .collect(Collectors.joining(" AND "));
        try (PreparedStatement add = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") "
                + "SELECT " + columns + " FROM " + given + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " d WHERE "
                + same + ") ORDER BY at");
             PreparedStatement read = connection.prepareStatement("SELECT d.id FROM " + given + " JOIN " + table
                     + " d ON " + same + " ORDER BY at")) {
            for (PreparedStatement p : List.of(add, read)) {
                for (int k = 0; k < values.length; k++) {
                    p.setObject(k + 1, values[k]);
                }
            }
            add.executeUpdate();
            int[] ids = new int[count];
            int k = 0;
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    ids[k++] = r.getInt(1);
                }
            }
            return ids;
        }
    }

    static void recount(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL work_mem = '256MB'");
            long touched = single(s, "SELECT count(DISTINCT day) FROM incident_days");
            if (touched == 0) {
                return;
            }
            long counted = single(s, "SELECT count(DISTINCT day) FROM incident_daily WHERE unit = " + CITY);
            if (touched * 2 <= counted) {
                s.execute("DELETE FROM incident_daily WHERE day IN (SELECT day FROM incident_days)");
                recount(s);
                return;
            }
            s.execute("CREATE TEMPORARY TABLE incident_daily_kept ON COMMIT DROP AS SELECT * FROM incident_daily "
                    + "WHERE day NOT IN (SELECT day FROM incident_days)");
            // Readers run single statements in READ COMMITTED, so TRUNCATE's one MVCC caveat (an older snapshot
            // seeing the table empty) does not reach them; they wait for the commit and see the new counts.
            s.execute("TRUNCATE incident_daily");
            BulkIndexes.around(connection, "incident_daily", () -> {
                s.execute("INSERT INTO incident_daily SELECT * FROM incident_daily_kept");
                recount(s);
            });
        }
    }

    private static void recount(Statement s) throws SQLException {
        for (String step : RECOUNT) {
            s.execute(step);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
