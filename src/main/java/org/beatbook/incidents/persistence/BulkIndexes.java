package org.beatbook.incidents.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a table's indexes for a bulk write and builds them again afterwards, from the catalogue's own definitions
 * (so a later migration's index comes back as it was declared). Building an index once from sorted data is several
 * times faster than inserting a million entries into it one by one. The drop locks the table exclusively until the
 * transaction ends: readers wait for the commit instead of seeing a table without its indexes.
 */
final class BulkIndexes {

    /** Writes to the table. */
    interface Work {
        void run() throws SQLException;
    }

    private BulkIndexes() {
    }

    /** The planner's row count of a table, exact after a bulk load (an index build sets it); a count if never set. */
    static long rows(Connection connection, String table) throws SQLException {
        try (var p = connection.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (r.getLong(1) >= 0) {
                    return r.getLong(1);
                }
            }
        }
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Stored rows up to which {@link #renewIfWorthIt} is worth it: setting them aside and back took 2–6 µs per row on the
     * 2-core benchmark machine (about a second for 200,000), while a million rows written without WAL saved 500 MiB
     * of WAL and about a tenth of PostgreSQL's CPU time.
     */
    private static final long RENEW_UP_TO = 200_000;

    /**
     * Gives the table new files in this transaction and puts its rows back, for a bulk load of far more rows than it
     * holds, when that pays: with at most {@link #RENEW_UP_TO} stored rows, on a server that writes no WAL for files
     * a transaction creates (wal_level = minimal: no replica or archive). PostgreSQL then writes the load without WAL
     * (it syncs the files at the commit instead), and a COPY in the same transaction may write its rows already
     * frozen ({@code FREEZE}), which spares the first readers and VACUUM a pass over every page. Locks the table until
     * the commit, like {@link #drop}; readers run single statements in READ COMMITTED, so TRUNCATE's one MVCC caveat
     * (an older snapshot seeing the table empty) does not reach them: they wait and then see every row.
     *
     * @return whether the table was renewed, so that a COPY may use FREEZE
     */
    static boolean renewIfWorthIt(Connection connection, String table, long storedRows) throws SQLException {
        if (storedRows > RENEW_UP_TO) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("SHOW wal_level")) {
                r.next();
                if (!"minimal".equals(r.getString(1))) {
                    return false;
                }
            }
            s.execute("CREATE TEMPORARY TABLE bulk_kept ON COMMIT DROP AS SELECT * FROM " + table);
            s.execute("TRUNCATE " + table);
            s.execute("INSERT INTO " + table + " SELECT * FROM bulk_kept");
            s.execute("DROP TABLE bulk_kept");
            return true;
        }
    }

    /** Runs the work without the table's indexes (see {@link #drop}). */
    static void around(Connection connection, String table, Work work) throws SQLException {
        Dropped dropped = drop(connection, table);
        work.run();
        dropped.rebuild();
    }

    /** A table's indexes, dropped for a bulk write that {@link #rebuild()} ends. */
    static final class Dropped {

        private final Connection connection;
        private final List<String> creates;

        private Dropped(Connection connection, List<String> creates) {
            this.connection = connection;
            this.creates = creates;
        }

        void rebuild() throws SQLException {
            try (Statement s = connection.createStatement()) {
                for (String create : creates) {
                    s.execute(create);
                }
            }
        }
    }

    /**
     * Drops the table's indexes, its primary key included, until the returned {@link Dropped#rebuild()}. A key that
     * another table's foreign key refers to stays: PostgreSQL would refuse to drop it. So does a partial index that
     * holds under a tenth of the table's rows (by the planner's counts): it takes few of the new rows too, and
     * building it again reads the whole table (0.3 s of a million-row import for the incidents' warnings).
     */
    static Dropped drop(Connection connection, String table) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        try (var p = connection.prepareStatement("SELECT quote_ident(c.conname), pg_get_constraintdef(c.oid) "
                + "FROM pg_constraint c WHERE c.conrelid = ?::regclass AND c.contype IN ('p', 'u', 'x') "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid "
                + "AND f.conindid = c.conindid)")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1);
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    creates.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + r.getString(2));
                }
            }
        }
        try (var p = connection.prepareStatement("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid "
                + "WHERE i.indrelid = ?::regclass "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
                + "AND NOT (i.indpred IS NOT NULL AND ic.reltuples >= 0 AND ic.reltuples * 10 < tc.reltuples)")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    drops.add("DROP INDEX " + r.getString(1));
                    creates.add(r.getString(2));
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            // Each build sorts its keys in memory rather than in temporary files.
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return new Dropped(connection, creates);
    }
}
