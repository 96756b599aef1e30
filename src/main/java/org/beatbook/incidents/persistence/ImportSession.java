package org.beatbook.incidents.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.beatbook.incidents.domain.DailyTally;
import org.beatbook.incidents.domain.StagedIncident;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One import on one connection in one transaction: rows stream into a temporary staging table with COPY, then a
 * single merge upserts them by (source, source id), refreshes the daily counts of the touched days and closes the
 * journal entry. A crash before the commit leaves nothing behind but the journal's RUNNING row.
 */
public final class ImportSession implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportSession.class);

    /** What the merge did. */
    public record Merged(long inserted, long updated, long unchanged, long warnings) {
    }

    /** The two keys of a running import's advisory lock, for the import id the SQL expression gives. */
    static String runningLockKeys(String importId) {
        return "hashtext('incident-import-running'), (" + importId + " % 2147483648)::int";
    }

    private final Connection connection;
    private final long importId;
    private final String source;
    private final CopyIn copy;
    private final CopyBinary rejectRow = new CopyBinary();
    private final Path rejectFile;
    private final BufferedOutputStream rejects;
    private boolean committed;
    private boolean closed;

    public ImportSession(DataSource dataSource, long importId, String source) {
        this.importId = importId;
        this.source = source;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // Held while this connection lives: a node starting meanwhile sees the import is alive (see
                // IncidentStore.markInterrupted); a crash drops the connection and with it the lock.
                s.execute("SELECT pg_advisory_lock(" + runningLockKeys(Long.toString(importId)) + ")");
                // Temporary tables live in session-local buffers (8 MB by default): a large import would spill.
                // PostgreSQL refuses a new size once the session has used temporary tables (a pooled connection
                // may have, for other work); the import then runs with the buffers the session has.
                s.execute("SAVEPOINT buffers");
                try {
                    s.execute("SET temp_buffers = '256MB'");
                }
                catch (SQLException alreadyUsed) {
                    s.execute("ROLLBACK TO SAVEPOINT buffers");
                }
                s.execute("CREATE TEMPORARY TABLE incident_staging (line bigint, source_id text, case_number text, "
                        + "occurred_at timestamptz, occurred_on date, code text, offense_text text, description text, "
                        + "address text, latitude double precision, longitude double precision, geocoded boolean, "
                        + "category text, offense text, priority text, sensitive boolean, unit_path text[], "
                        + "source_units text[], warning text) ON COMMIT DROP");
            }
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY incident_staging FROM STDIN (FORMAT binary)");
            copy.writeToCopy(CopyBinary.HEADER, 0, CopyBinary.HEADER.length);
            rejectFile = Files.createTempFile("incident-rejects-" + importId, ".copy");
            rejects = new BufferedOutputStream(Files.newOutputStream(rejectFile));
            rejects.write(CopyBinary.HEADER);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not start the import: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends an incident to rows for {@link #stage(byte[])}, in the staging table's column order and types. */
    public static void append(CopyBinary out, StagedIncident i) {
        var row = i.row();
        var c = i.classification();
        out.bigint(row.line()).text(row.sourceId()).text(row.caseNumber()).instant(row.occurredAt())
                .date(row.occurredOn()).text(row.code()).text(row.offenseText()).text(row.description())
                .text(row.address()).float8(i.latitude()).float8(i.longitude()).flag(i.geocoded())
                .text(c.category().key()).text(c.offense()).text(c.priority() == null ? null : c.priority().key())
                .flag(i.sensitive()).array(i.unitPath()).array(i.sourceUnits()).text(i.warning()).endRow();
    }

    /** Streams rows built with {@link #append} into the staging table. */
    public void stage(byte[] rows) {
        try {
            copy.writeToCopy(rows, 0, rows.length);
        }
        catch (SQLException e) {
            throw new IllegalStateException("The import could not be staged: " + e.getMessage(), e);
        }
    }

    public void reject(long lineNumber, String reason) {
        try {
            rejects.write(rejectRow.bigint(importId).bigint(lineNumber).text(reason).endRow().take());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges, refreshes the daily counts, closes the journal entry and commits. The tally holds the daily counts of
     * every staged row: when each of them turned out new, it is added as it is; otherwise the touched days are
     * counted again from the incidents. Twins (a source id staged twice) are looked for only if ids may repeat.
     */
    public Merged commit(long rowsRead, long rejected, DailyTally tally, boolean idsMayRepeat) {
        try {
            copy.writeToCopy(CopyBinary.TRAILER, 0, CopyBinary.TRAILER.length);
            copy.endCopy();
            long staged = System.nanoTime();
            rejects.write(CopyBinary.TRAILER);
            rejects.close();
            try (InputStream in = Files.newInputStream(rejectFile)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY incident_rejects (import_id, line, reason) FROM STDIN (FORMAT binary)", in);
            }
            long distinct;
            long warnings;
            long twins;
            try (Statement s = connection.createStatement()) {
                // One import at a time: two merges of overlapping files must not interleave.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('incident-import'))");
                // Hashing and joining a large import in memory instead of in temporary files.
                s.execute("SET LOCAL work_mem = '256MB'");
                // An export may list a record twice: its last line wins. Hashing finds the few twins; sorting the
                // whole file by id to drop them cost more than the rest of the merge.
                twins = !idsMayRepeat ? 0 : s.executeUpdate("DELETE FROM incident_staging s USING (SELECT source_id, "
                        + "max(line) AS last FROM incident_staging GROUP BY source_id HAVING count(*) > 1) twin "
                        + "WHERE s.source_id = twin.source_id AND s.line < twin.last");
                // The joins below need the planner to know the id column; the other columns' statistics are never used.
                s.execute("ANALYZE incident_staging (source_id)");
                try (ResultSet r = s.executeQuery("SELECT count(*), count(warning) FROM incident_staging")) {
                    r.next();
                    distinct = r.getLong(1);
                    warnings = r.getLong(2);
                }
                s.execute("CREATE TEMPORARY TABLE incident_days (day date) ON COMMIT DROP");
            }
            long updated;
            try (PreparedStatement p = connection.prepareStatement(UPDATE)) {
                p.setLong(1, importId);
                p.setString(2, source);
                updated = single(p);
            }
            long inserted;
            try (PreparedStatement p = connection.prepareStatement(INSERT)) {
                p.setString(1, source);
                p.setLong(2, importId);
                p.setString(3, source);
                long stored = BulkIndexes.rows(connection, "incidents");
                if (distinct > stored && single(NEW, source) > stored) {
                    // A load larger than what is stored: build the indexes once rather than grow them row by row.
                    long[] count = new long[1];
                    BulkIndexes.around(connection, "incidents", true, () -> count[0] = single(p));
                    inserted = count[0];
                }
                else {
                    inserted = single(p);
                }
            }
            long mergedAt = System.nanoTime();
            if (twins == 0 && updated == 0 && inserted == distinct) {
                DailyCounts.add(connection, tally);
            }
            else {
                DailyCounts.recount(connection);
            }
            log.info("Import {}: merge {} ms, daily counts {} ms", importId, (mergedAt - staged) / 1_000_000,
                    (System.nanoTime() - mergedAt) / 1_000_000);
            try (PreparedStatement p = connection.prepareStatement("UPDATE incident_imports SET status = 'DONE', "
                    + "finished_at = now(), rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, "
                    + "warnings = ? WHERE id = ?")) {
                p.setLong(1, rowsRead);
                p.setLong(2, inserted);
                p.setLong(3, updated);
                p.setLong(4, distinct - inserted - updated);
                p.setLong(5, rejected);
                p.setLong(6, warnings);
                p.setLong(7, importId);
                p.executeUpdate();
            }
            connection.commit();
            committed = true;
            return new Merged(inserted, updated, distinct - inserted - updated, warnings);
        }
        catch (SQLException e) {
            throw new IllegalStateException("The import could not be saved: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String COLUMNS = "case_number, occurred_at, occurred_on, code, offense_text, description, "
            + "address, latitude, longitude, geocoded, category, offense, priority, sensitive, unit_path, "
            + "source_units, warning";

    /**
     * Rewrites the stored incidents the import changes; a row whose values did not change is not touched. Notes the
     * days whose counts change: each changed incident's new day and, read in the same statement (whose snapshot
     * still holds the rows as they were), its old day.
     */
    private static final String UPDATE = "WITH up AS (UPDATE incidents i SET (" + COLUMNS + ", import_id) = ("
            + prefixed("f.") + ", ?) FROM incident_staging f WHERE i.source = ? AND i.source_id = f.source_id "
            + "AND (" + prefixed("i.") + ") IS DISTINCT FROM (" + prefixed("f.") + ") RETURNING i.id, i.occurred_on), "
            + "days AS (INSERT INTO incident_days SELECT occurred_on FROM up UNION "
            + "SELECT old.occurred_on FROM incidents old JOIN up ON old.id = up.id) SELECT count(*) FROM up";

    /**
     * Adds the incidents not stored yet. The unique key on (source, source_id) still guards against twins; only one
     * import runs at a time (the advisory lock), so none can appear between the check and the insert.
     */
    private static final String INSERT = "WITH ins AS (INSERT INTO incidents (source, source_id, " + COLUMNS
            + ", import_id) SELECT ?, f.source_id, " + prefixed("f.") + ", ? FROM incident_staging f "
            + "WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.source = ? AND i.source_id = f.source_id) "
            + "RETURNING occurred_on), days AS (INSERT INTO incident_days SELECT DISTINCT occurred_on FROM ins) "
            + "SELECT count(*) FROM ins";

    /** How many of the staged incidents are not stored yet. */
    private static final String NEW = "SELECT count(*) FROM incident_staging f WHERE NOT EXISTS "
            + "(SELECT 1 FROM incidents i WHERE i.source = ? AND i.source_id = f.source_id)";

    private static String prefixed(String prefix) {
        return String.join(", ", List.of(COLUMNS.split(", ")).stream().map(c -> prefix + c).toList());
    }

    private long single(String sql, String parameter) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, parameter);
            return single(p);
        }
    }

    private static long single(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            }
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                // The connection goes back to the pool: the session-level lock would outlive the import.
                s.execute("SELECT pg_advisory_unlock(" + runningLockKeys(Long.toString(importId)) + ")");
            }
            connection.close();
            rejects.close();
            Files.deleteIfExists(rejectFile);
        }
        catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not end the import cleanly: " + e.getMessage(), e);
        }
    }
}
