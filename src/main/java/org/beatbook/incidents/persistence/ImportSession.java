package org.beatbook.incidents.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.carrotsearch.hppc.LongHashSet;

import org.beatbook.incidents.domain.DailyTally;
import org.beatbook.incidents.domain.SourceIds;
import org.beatbook.incidents.domain.StagedIncident;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One import on one connection in one transaction. Rows whose source id is neither stored nor met earlier in the file
 * are written straight into {@code incidents} with COPY (without its secondary indexes once they outnumber what is
 * stored, the indexes built again at the commit); the others are held back and merged through a temporary staging
 * table by (source, source id). When held-back rows are the majority (a re-import), the rest of the file streams into
 * the staging table instead. The commit then brings the daily counts in step and closes the journal entry. A crash
 * before the commit leaves nothing behind but the journal's RUNNING row.
 */
public final class ImportSession implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportSession.class);

    /** What the merge did. */
    public record Merged(long inserted, long updated, long unchanged, long warnings) {
    }

    /**
     * Whether the import of the row's {@code id} waits for another import: read from PostgreSQL's lock table, where
     * the session that holds the import's running lock has not been granted the import lock yet (so it is never
     * left set by a crash). Advisory locks with two int keys show them as classid and objid, with objsubid 2; one
     * bigint key shows its high and low halves, with objsubid 1.
     */
    static final String WAITING = "EXISTS (SELECT 1 FROM pg_locks held JOIN pg_locks wanted ON wanted.pid = held.pid "
            + "WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 2 "
            + "AND held.classid = hashtext('incident-import-running')::oid AND held.objid = (id % 2147483648)::int::oid "
            + "AND wanted.locktype = 'advisory' AND NOT wanted.granted AND wanted.objsubid = 1 "
            + "AND wanted.objid = hashtext('incident-import')::oid)";

    /** The two keys of a running import's advisory lock, for the import id the SQL expression gives. */
    static String runningLockKeys(String importId) {
        return "hashtext('incident-import-running'), (" + importId + " % 2147483648)::int";
    }

    /**
     * Where the rows stream, with the column their first field fills: the incidents take the import id there, the
     * staging table the line (see {@link #append}).
     */
    private enum Target {
        INCIDENTS("incidents (import_id, "), STAGING("incident_staging (line, ");

        final String tableAndFirstColumn;

        Target(String tableAndFirstColumn) {
            this.tableAndFirstColumn = tableAndFirstColumn;
        }
    }

    /** What merging the staging table did. */
    private record StagedMerge(long twins, long distinct, long warnings, long ownTwins, long ownTwinWarnings,
                               long updated, long updatedStored, long inserted) {
        static final StagedMerge NONE = new StagedMerge(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Stored incidents up to which the source's ids are loaded: loading takes about half a second per million, which
     * every import would pay, however small. With more, every row goes through the staging table. The table's size
     * decides, not the source's: counting the source's ids would cost a scan of its own.
     */
    private static final int MAX_STORED_IDS = 1_000_000;
    /** Held-back rows that, once they also outnumber the rows written straight, send the rest to staging. */
    private static final int SWITCH_AFTER = 1_000;
    private static final int COPY_CHUNK = 1 << 16;

    private static final String COLUMNS = "case_number, occurred_at, occurred_on, code, offense_text, description, "
            + "address, latitude, longitude, geocoded, category, offense, priority, sensitive, unit_path_key, "
            + "source_units_key, warning";
    /** The columns rows are streamed with after the first, into either table: {@link #append}'s order. */
    private static final String COPY_COLUMNS = "source, source_id, " + COLUMNS + ")";

    private final Connection connection;
    private final long importId;
    private final String source;
    private final CopyBinary rejectRow = new CopyBinary();
    private final UnitLists unitLists = new UnitLists();
    private final Path rejectFile;
    private final BufferedOutputStream rejects;
    /** Hashes of the source's stored ids; null when there are too many to hold. */
    private final LongHashSet storedIds;
    private final long tableRows;
    private Target target;
    private CopyIn copy;
    private Path heldFile;
    private OutputStream held;
    private long heldRows;
    private long directRows;
    private long stagedRows;
    private BulkIndexes.Dropped dropped;
    /** Whether the incidents got new files in this transaction (see {@link BulkIndexes#renewIfWorthIt}). */
    private boolean renewed;
    private boolean committed;
    private boolean closed;

    public ImportSession(DataSource dataSource, long importId, String source) {
        this.importId = importId;
        this.source = source;
        try {
            connection = dataSource.getConnection();
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not start the import: " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // Held while this connection lives: a node starting meanwhile sees the import is alive (see
                // IncidentStore.markInterrupted); a crash drops the connection and with it the lock.
                s.execute("SELECT pg_advisory_lock(" + runningLockKeys(Long.toString(importId)) + ")");
                // One import at a time, from here to the commit: an id found not stored stays so, and two merges of
                // overlapping files do not interleave.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('incident-import'))");
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
                s.execute("CREATE TEMPORARY TABLE incident_staging (line bigint, source text, "
                        + "source_id text COLLATE \"C\", case_number text, occurred_at timestamptz, occurred_on date, code text, offense_text text, "
                        + "description text, address text, latitude double precision, longitude double precision, "
                        + "geocoded boolean, category text, offense text, priority text, sensitive boolean, "
                        + "unit_path_key bigint, source_units_key bigint, warning text) ON COMMIT DROP");
            }
            tableRows = BulkIndexes.rows(connection, "incidents");
            long loading = System.nanoTime();
            storedIds = storedIds();
            log.info("Import {}: {} stored ids of the source loaded in {} ms", importId,
                    storedIds == null ? "no" : storedIds.size(), (System.nanoTime() - loading) / 1_000_000);
            target = storedIds == null ? Target.STAGING : Target.INCIDENTS;
            copy = startCopy();
            rejectFile = Files.createTempFile("incident-rejects-" + importId, ".copy");
            rejects = new BufferedOutputStream(Files.newOutputStream(rejectFile));
            rejects.write(CopyBinary.HEADER);
        }
        catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.close();
            }
            catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("Could not start the import: " + e.getMessage(), e);
        }
    }

    /** Null when the table holds too many; the limit also guards against an outdated estimate of its size. */
    private LongHashSet storedIds() throws SQLException {
        if (tableRows > MAX_STORED_IDS) {
            return null;
        }
        LongHashSet ids = new LongHashSet();
        long read = 0;
        try (PreparedStatement p = connection.prepareStatement("SELECT source_id FROM incidents WHERE source = ? "
                + "LIMIT ?")) {
            p.setFetchSize(50_000);
            p.setString(1, source);
            p.setInt(2, MAX_STORED_IDS + 1);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(SourceIds.hash(r.getString(1)));
                    read++;
                }
            }
        }
        return read > MAX_STORED_IDS ? null : ids;
    }

    /**
     * Whether an id with this hash ({@link SourceIds#hash}) may be stored already; false means surely not. The
     * answer holds until the commit: no other import writes meanwhile.
     */
    public boolean mayBeStored(long idHash) {
        return storedIds == null || storedIds.contains(idHash);
    }

    /**
     * Appends an incident to rows for {@link #stage}: its line, then {@link #COPY_COLUMNS} in order. The line becomes
     * the import id for rows written straight into the incidents. Thread-safe.
     */
    public void append(CopyBinary out, StagedIncident i) {
        var row = i.row();
        var c = i.classification();
        out.bigint(row.line()).label(source).text(row.sourceId()).text(row.caseNumber()).instant(row.occurredAt())
                .date(row.occurredOn()).text(row.code()).text(row.offenseText()).text(row.description())
                .text(row.address()).float8(i.latitude()).float8(i.longitude()).flag(i.geocoded())
                .label(c.category().key()).label(c.offense()).label(c.priority() == null ? null : c.priority().key())
                .flag(i.sensitive()).bigint(unitLists.keyOf(i.unitPath())).bigint(unitLists.keyOf(i.sourceUnits()))
                .text(i.warning()).endRow();
    }

    /**
     * Streams a batch of rows built with {@link #append}, in file order; row k ends at byte ends[k]. A row is fresh
     * when its source id is surely neither stored ({@link #mayBeStored}) nor on an earlier line of the file: only
     * fresh rows may go straight into the incidents (their line is overwritten with the import id for that).
     */
    public void stage(byte[] rows, int[] ends, boolean[] fresh, int count) {
        try {
            boolean straight = target == Target.INCIDENTS;
            int k = 0;
            while (k < count) {
                // a run of rows that all go the same way
                boolean direct = straight && fresh[k];
                int next = k + 1;
                while (next < count && (straight && fresh[next]) == direct) {
                    next++;
                }
                int from = k == 0 ? 0 : ends[k - 1];
                int length = ends[next - 1] - from;
                if (direct) {
                    for (int j = k; j < next; j++) {
                        CopyBinary.setFirstBigint(rows, j == 0 ? 0 : ends[j - 1], importId);
                    }
                    copy.writeToCopy(rows, from, length);
                    directRows += next - k;
                }
                else if (!straight) {
                    copy.writeToCopy(rows, from, length);
                    stagedRows += next - k;
                }
                else {
                    held().write(rows, from, length);
                    heldRows += next - k;
                }
                k = next;
            }
            if (target == Target.INCIDENTS && heldRows >= SWITCH_AFTER && heldRows > directRows) {
                // Mostly records already stored: the rest goes through the staging table as a whole.
                endCopy();
                target = Target.STAGING;
                copy = startCopy();
                pourHeldRows();
            }
            else if (target == Target.INCIDENTS && dropped == null && directRows > tableRows) {
                // A load larger than what is stored: build the indexes once rather than grow them row by row.
                endCopy();
                dropped = BulkIndexes.drop(connection, "incidents");
                long renewing = System.nanoTime();
                renewed = BulkIndexes.renewIfWorthIt(connection, "incidents", tableRows);
                if (renewed) {
                    log.info("Import {}: the incidents' {} rows set aside and put back into new files in {} ms",
                            importId, tableRows + directRows, (System.nanoTime() - renewing) / 1_000_000);
                }
                copy = startCopy();
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("The import could not be staged: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CopyIn startCopy() throws SQLException {
        CopyIn started = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + target.tableAndFirstColumn + COPY_COLUMNS + " FROM STDIN (FORMAT binary"
                        + (target == Target.INCIDENTS && renewed ? ", FREEZE)" : ")"));
        started.writeToCopy(CopyBinary.HEADER, 0, CopyBinary.HEADER.length);
        return started;
    }

    private void endCopy() throws SQLException {
        copy.writeToCopy(CopyBinary.TRAILER, 0, CopyBinary.TRAILER.length);
        copy.endCopy();
    }

    private OutputStream held() throws IOException {
        if (held == null) {
            heldFile = Files.createTempFile("incident-held-" + importId, ".copy");
            held = new BufferedOutputStream(Files.newOutputStream(heldFile), COPY_CHUNK);
        }
        return held;
    }

    /** Moves the held-back rows into the staging COPY under way. */
    private void pourHeldRows() throws SQLException, IOException {
        if (held == null) {
            return;
        }
        held.close();
        held = null;
        byte[] buffer = new byte[COPY_CHUNK];
        try (InputStream in = Files.newInputStream(heldFile)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                copy.writeToCopy(buffer, 0, n);
            }
        }
        Files.delete(heldFile);
        stagedRows += heldRows;
        heldRows = 0;
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
     * Merges, brings the daily counts in step, closes the journal entry and commits. The tally holds the daily counts
     * of every row streamed: when each of them turned out new, it is added as it is; otherwise the days the import
     * touched are counted again from the incidents. Twins (a source id listed twice) are looked for only if ids may
     * repeat.
     */
    public Merged commit(long rowsRead, long rejected, DailyTally tally, boolean idsMayRepeat) {
        try {
            endCopy();
            long streamed = System.nanoTime();
            if (heldRows > 0) {
                target = Target.STAGING;
                copy = startCopy();
                pourHeldRows();
                endCopy();
            }
            rejects.write(CopyBinary.TRAILER);
            rejects.close();
            try (InputStream in = Files.newInputStream(rejectFile)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY incident_rejects (import_id, line, reason) FROM STDIN (FORMAT binary)", in);
            }
            unitLists.store(connection);
            if (dropped != null) {
                // Before the merge, which looks stored ids up in the unique index.
                dropped.rebuild();
            }
            long indexed = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                // Hashing and joining a large import in memory instead of in temporary files.
                s.execute("SET LOCAL work_mem = '256MB'");
                s.execute("CREATE TEMPORARY TABLE incident_days (day date) ON COMMIT DROP");
            }
            long directWarnings = directRows == 0 ? 0 : single("SELECT count(*) FROM incidents WHERE import_id = ? "
                    + "AND warning IS NOT NULL", importId);
            StagedMerge staged = stagedRows == 0 ? StagedMerge.NONE : mergeStaged(idsMayRepeat);
            long inserted = directRows + staged.inserted();
            long distinct = directRows + staged.distinct() - staged.ownTwins();
            long warnings = directWarnings + staged.warnings() - staged.ownTwinWarnings();
            long updated = staged.updatedStored();
            long mergedAt = System.nanoTime();
            if (staged.twins() == 0 && staged.updated() == 0 && staged.inserted() == staged.distinct()) {
                DailyCounts.add(connection, tally);
            }
            else {
                if (directRows > 0) {
                    noteDays(tally);
                }
                DailyCounts.recount(connection);
            }
            log.info("Import {}: {} rows written straight into the incidents, {} through the staging table; "
                            + "indexes {} ms, merge {} ms, daily counts {} ms", importId, directRows, stagedRows,
                    (indexed - streamed) / 1_000_000, (mergedAt - indexed) / 1_000_000,
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

    /**
     * Merges the staging table into the incidents. A row written straight earlier in this import that a later line
     * of the file lists again (an own twin) is updated by it, which counts as neither new nor updated.
     */
    private StagedMerge mergeStaged(boolean idsMayRepeat) throws SQLException {
        long twins;
        long distinct;
        long warnings;
        long ownTwins = 0;
        long ownTwinWarnings = 0;
        try (Statement s = connection.createStatement()) {
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
        }
        if (idsMayRepeat && directRows > 0) {
            try (PreparedStatement p = connection.prepareStatement("SELECT count(*), count(i.warning) "
                    + "FROM incident_staging f JOIN incidents i ON i.source = ? AND i.source_id = f.source_id "
                    + "WHERE i.import_id = ?")) {
                p.setString(1, source);
                p.setLong(2, importId);
                long[] counts = pair(p);
                ownTwins = counts[0];
                ownTwinWarnings = counts[1];
            }
        }
        long[] updated;
        try (PreparedStatement p = connection.prepareStatement(UPDATE)) {
            p.setLong(1, importId);
            p.setString(2, source);
            p.setLong(3, importId);
            updated = pair(p);
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
                BulkIndexes.around(connection, "incidents", () -> count[0] = single(p));
                inserted = count[0];
            }
            else {
                inserted = single(p);
            }
        }
        return new StagedMerge(twins, distinct, warnings, ownTwins, ownTwinWarnings, updated[0], updated[1], inserted);
    }

    /** Adds the days of the tally to those the recount goes over. */
    private void noteDays(DailyTally tally) throws SQLException {
        Integer[] days = Arrays.stream(tally.epochDays()).mapToObj(d -> (int) d).toArray(Integer[]::new);
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO incident_days "
                + "SELECT DATE '1970-01-01' + d FROM unnest(?::int[]) AS d")) {
            p.setArray(1, connection.createArrayOf("int4", days));
            p.executeUpdate();
        }
    }

    /**
     * Rewrites the stored incidents the import changes; a row whose values did not change is not touched. Notes the
     * days whose counts change: each changed incident's new day and, read in the same statement (whose snapshot
     * still holds the rows as they were), its old day. Counts the rows changed, and of them those stored before
     * this import.
     */
    private static final String UPDATE = "WITH up AS (UPDATE incidents i SET (" + COLUMNS + ", import_id) = ("
            + prefixed("f.") + ", ?) FROM incident_staging f WHERE i.source = ? AND i.source_id = f.source_id "
            + "AND (" + prefixed("i.") + ") IS DISTINCT FROM (" + prefixed("f.") + ") RETURNING i.id, i.occurred_on), "
            + "old AS (SELECT old.occurred_on, old.import_id FROM incidents old JOIN up ON old.id = up.id), "
            + "days AS (INSERT INTO incident_days SELECT occurred_on FROM up UNION SELECT occurred_on FROM old) "
            + "SELECT count(*), count(*) FILTER (WHERE import_id <> ?) FROM old";

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

    private long single(String sql, Object parameter) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setObject(1, parameter);
            return single(p);
        }
    }

    /** The two numbers of the query's one row. */
    private static long[] pair(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
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
            if (held != null) {
                held.close();
            }
            if (heldFile != null) {
                Files.deleteIfExists(heldFile);
            }
        }
        catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not end the import cleanly: " + e.getMessage(), e);
        }
    }
}
