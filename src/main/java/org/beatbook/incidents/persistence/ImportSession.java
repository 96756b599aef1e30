package org.beatbook.incidents.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

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

    private static final int BUFFER = 1 << 16;

    private final Connection connection;
    private final long importId;
    private final String source;
    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(512);
    private final Path rejectFile;
    private final BufferedWriter rejects;
    private byte[] pending = new byte[BUFFER];
    private int pendingLength;
    private boolean committed;
    private boolean closed;

    public ImportSession(DataSource dataSource, long importId, String source) {
        this.importId = importId;
        this.source = source;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // Temporary tables live in session-local buffers (8 MB by default): a large import would spill.
                // Effective only before the session's first temporary table, which is when it matters most.
                s.execute("SET temp_buffers = '256MB'");
                s.execute("CREATE TEMPORARY TABLE incident_staging (line bigint, source_id text, case_number text, "
                        + "occurred_at timestamptz, occurred_on date, code text, offense_text text, description text, "
                        + "address text, latitude double precision, longitude double precision, geocoded boolean, "
                        + "category text, offense text, priority text, sensitive boolean, unit_path text[], "
                        + "source_units text[], warning text) ON COMMIT DROP");
            }
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY incident_staging FROM STDIN (FORMAT text)");
            rejectFile = Files.createTempFile("incident-rejects-" + importId, ".tsv");
            rejects = Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not start the import: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stage(StagedIncident i) {
        var row = i.row();
        line.setLength(0);
        line.append(row.line()).append('\t');
        text(row.sourceId());
        text(row.caseNumber());
        line.append(row.occurredAt()).append('\t').append(row.occurredOn()).append('\t');
        text(row.code());
        text(row.offenseText());
        text(row.description());
        text(row.address());
        number(i.latitude());
        number(i.longitude());
        line.append(i.geocoded() ? 't' : 'f').append('\t');
        text(i.classification().category().key());
        text(i.classification().offense());
        text(i.classification().priority() == null ? null : i.classification().priority().key());
        line.append(i.sensitive() ? 't' : 'f').append('\t');
        array(i.unitPath());
        array(i.sourceUnits());
        text(i.warning());
        line.setCharAt(line.length() - 1, '\n');
        write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void reject(long lineNumber, String reason) {
        try {
            line.setLength(0);
            line.append(importId).append('\t').append(lineNumber).append('\t');
            text(reason);
            line.setCharAt(line.length() - 1, '\n');
            rejects.write(line.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges, refreshes the daily counts, closes the journal entry and commits. */
    public Merged commit(long rowsRead, long rejected) {
        try {
            flush();
            copy.endCopy();
            long staged = System.nanoTime();
            rejects.close();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY incident_rejects (import_id, line, reason) FROM STDIN (FORMAT text)",
                    Files.newBufferedReader(rejectFile, StandardCharsets.UTF_8));
            try (Statement s = connection.createStatement()) {
                // One import at a time: two merges of overlapping files must not interleave.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('incident-import'))");
                // Sorting and grouping a large import in memory instead of in temporary files.
                s.execute("SET LOCAL work_mem = '256MB'");
                s.execute("CREATE TEMPORARY TABLE incident_fresh ON COMMIT DROP AS "
                        + "SELECT DISTINCT ON (source_id) * FROM incident_staging ORDER BY source_id, line DESC");
                s.execute("ANALYZE incident_fresh");
            }
            long distinct = single("SELECT count(*) FROM incident_fresh");
            long warnings = single("SELECT count(*) FROM incident_fresh WHERE warning IS NOT NULL");
            try (PreparedStatement p = connection.prepareStatement(
                    "CREATE TEMPORARY TABLE incident_days ON COMMIT DROP AS SELECT DISTINCT i.occurred_on AS day "
                            + "FROM incidents i JOIN incident_fresh f ON i.source = ? AND i.source_id = f.source_id "
                            + "WHERE i.occurred_on <> f.occurred_on")) {
                p.setString(1, source);
                p.execute();
            }
            long inserted;
            long updated;
            try (PreparedStatement p = connection.prepareStatement(MERGE)) {
                p.setString(1, source);
                p.setLong(2, importId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    inserted = r.getLong(1);
                    updated = r.getLong(2);
                }
            }
            long mergedAt = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM incident_daily WHERE day IN (SELECT day FROM incident_days)");
                s.execute(DAILY);
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

    /** Upsert; a row whose values did not change is not touched, so a re-import writes nothing. */
    private static final String MERGE = "WITH up AS (INSERT INTO incidents (source, source_id, " + COLUMNS
            + ", import_id) SELECT ?, source_id, " + COLUMNS + ", ? FROM incident_fresh "
            + "ON CONFLICT (source, source_id) DO UPDATE SET (" + COLUMNS + ", import_id) = ("
            + prefixed("EXCLUDED.") + ", EXCLUDED.import_id) "
            + "WHERE (" + prefixed("incidents.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ") "
            + "RETURNING (xmax = 0) AS fresh, occurred_on), "
            + "days AS (INSERT INTO incident_days SELECT DISTINCT occurred_on FROM up) "
            + "SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) FROM up";

    private static String prefixed(String prefix) {
        return String.join(", ", List.of(COLUMNS.split(", ")).stream().map(c -> prefix + c).toList());
    }

    /** Recounts the touched days, for every level of every incident's unit path and city-wide. */
    static final String DAILY = "INSERT INTO incident_daily (level, unit_code, day, category, offense, "
            + "priority, sensitive, n) SELECT split_part(u, ':', 1), substr(u, strpos(u, ':') + 1), occurred_on, "
            + "category, offense, coalesce(priority, ''), sensitive, count(*) FROM incidents "
            + "CROSS JOIN LATERAL unnest(unit_path || 'city:all'::text) AS u "
            + "WHERE occurred_on IN (SELECT DISTINCT day FROM incident_days) GROUP BY 1, 2, 3, 4, 5, 6, 7";

    private long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
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
            connection.close();
            rejects.close();
            Files.deleteIfExists(rejectFile);
        }
        catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not end the import cleanly: " + e.getMessage(), e);
        }
    }

    private void text(String value) {
        if (value == null) {
            line.append("\\N\t");
            return;
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        line.append('\t');
    }

    private void number(double value) {
        if (Double.isNaN(value)) {
            line.append("\\N\t");
        }
        else {
            line.append(value).append('\t');
        }
    }

    /** A text[] literal with every element quoted, so codes with spaces or commas survive. */
    private void array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        text(literal.append('}').toString());
    }

    private void write(byte[] bytes) {
        try {
            if (pendingLength + bytes.length > pending.length) {
                flush();
                if (bytes.length > pending.length) {
                    pending = new byte[bytes.length];
                }
            }
            System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
            pendingLength += bytes.length;
        }
        catch (SQLException e) {
            throw new IllegalStateException("The import could not be staged: " + e.getMessage(), e);
        }
    }

    private void flush() throws SQLException {
        if (pendingLength > 0) {
            copy.writeToCopy(pending, 0, pendingLength);
            pendingLength = 0;
        }
    }
}
