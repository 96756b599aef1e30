package org.beatbook.incidents.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.platform.NulCharacters;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The import journal, reject reports, profiles, the code-to-category table and the warnings list. */
@Repository
public class IncidentStore {

    /**
     * A journal entry; {@code bytesTotal} is null for imports that ran within their request (API, console).
     * {@code waiting}: the import is RUNNING but waits for another one to finish (imports run one at a time).
     */
    public record ImportEntry(long id, String profile, String fileName, String status, java.time.OffsetDateTime startedAt,
                              long rowsRead, long inserted, long updated, long unchanged, long rejected, long warnings,
                              String message, Long bytesTotal, long bytesRead, boolean feedGazetteer,
                              boolean waiting) {
    }

    private static final String ENTRY = "SELECT id, profile, file_name, status, started_at, rows_read, inserted, "
            + "updated, unchanged, rejected, warnings, message, bytes_total, bytes_read, feed_gazetteer, "
            + ImportSession.WAITING + " AS waiting FROM incident_imports ";
    /** Parts of a stored upload: large enough for few rows, small enough to hold one in memory. */
    private static final int CHUNK = 1 << 20;

    /** A reject report line. */
    public record Reject(long line, String reason) {
    }

    /** A data-quality warning on an incident. */
    public record Warning(String source, String sourceId, LocalDate day, String offense, String address,
                          String warning) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public IncidentStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public ImportSession openSession(long importId, String source) {
        return new ImportSession(dataSource, importId, source);
    }

    /** A file name is only a label: a NUL in it (a client can send one) is shown as ␀ rather than refused. */
    public long startImport(String profile, String fileName) {
        return jdbc.sql("INSERT INTO incident_imports (profile, file_name, status) VALUES (?, ?, 'RUNNING') RETURNING id")
                .params(profile, NulCharacters.shown(fileName)).query(Long.class).single();
    }

    public void finishRejected(long id, String message, long rowsRead) {
        finish(id, "REJECTED", message, rowsRead);
    }

    /** The run threw: its transaction was rolled back, nothing of it was applied. */
    public void finishFailed(long id, String message, long rowsRead) {
        finish(id, "FAILED", message, rowsRead);
    }

    private void finish(long id, String status, String message, long rowsRead) {
        jdbc.sql("UPDATE incident_imports SET status = ?, finished_at = now(), message = ?, rows_read = ? "
                + "WHERE id = ?").params(status, message, rowsRead, id).update();
    }

    /**
     * Imports that were RUNNING within a request when the application stopped: their uncommitted transaction died
     * with the connection. Background imports (with a stored file) are left to their job, which runs them again. An import
     * still running on another node holds its lock (taken when its session opened) and is left alone.
     */
    public int markInterrupted() {
        return jdbc.sql("UPDATE incident_imports i SET status = 'INTERRUPTED', finished_at = now(), "
                + "message = 'Interrupted (the application stopped); nothing of it was applied. Import the file again.' "
                + "WHERE status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM incident_import_chunks c WHERE c.import_id = i.id) "
                + "AND pg_try_advisory_xact_lock(" + ImportSession.runningLockKeys("i.id") + ")")
                .update();
    }

    public List<ImportEntry> recentImports(int limit) {
        return jdbc.sql(ENTRY + "ORDER BY id DESC LIMIT ?").param(limit).query(ImportEntry.class).list();
    }

    public Optional<ImportEntry> importEntry(long id) {
        return jdbc.sql(ENTRY + "WHERE id = ?").param(id).query(ImportEntry.class).optional();
    }

    // --- background imports

    /** A journal entry for a file that waits for its job. */
    public long queueImport(String profile, String fileName, boolean feedGazetteer) {
        return jdbc.sql("INSERT INTO incident_imports (profile, file_name, status, feed_gazetteer) "
                        + "VALUES (?, ?, 'QUEUED', ?) RETURNING id")
                .params(profile, NulCharacters.shown(fileName), feedGazetteer).query(Long.class).single();
    }

    /**
     * Stores the upload part by part (memory stays at one part) and records its size, which also marks it complete.
     * Returns the bytes stored.
     */
    public long storeFile(long importId, java.io.InputStream in) throws IOException {
        byte[] part = new byte[CHUNK];
        long total = 0;
        for (int seq = 0; ; seq++) {
            int length = in.readNBytes(part, 0, CHUNK);
            if (length == 0) {
                jdbc.sql("UPDATE incident_imports SET bytes_total = ? WHERE id = ?").params(total, importId).update();
                return total;
            }
            jdbc.sql("INSERT INTO incident_import_chunks (import_id, seq, data) VALUES (?, ?, ?)")
                    .params(importId, seq, length == CHUNK ? part : java.util.Arrays.copyOf(part, length)).update();
            total += length;
        }
    }

    /** The stored upload, read one part at a time; a missing part is an error, not the end of the file. */
    public java.io.InputStream storedFile(long importId, Long bytesTotal) throws IOException {
        if (bytesTotal == null) {
            throw new IOException("the upload did not complete; upload the file again");
        }
        return new StoredFile(jdbc, importId, bytesTotal);
    }

    public void deleteStoredFile(long importId) {
        jdbc.sql("DELETE FROM incident_import_chunks WHERE import_id = ?").param(importId).update();
    }

    /** Background imports whose job may be missing: queued or running, with their file. */
    public List<Long> importsWithStoredFile() {
        return jdbc.sql("SELECT DISTINCT import_id FROM incident_import_chunks ORDER BY import_id")
                .query(Long.class).list();
    }

    /** A (re-)started run: counts from an earlier, interrupted run were rolled back with it. */
    public void markRunning(long importId) {
        jdbc.sql("UPDATE incident_imports SET status = 'RUNNING', started_at = now(), rows_read = 0, rejected = 0, "
                + "bytes_read = 0, message = NULL WHERE id = ?").param(importId).update();
    }

    /** Progress of a running import, written outside its transaction so that the status page sees it. */
    public void progress(long importId, long rowsRead, long rejected, long bytesRead) {
        jdbc.sql("UPDATE incident_imports SET rows_read = ?, rejected = ?, bytes_read = ? WHERE id = ?")
                .params(rowsRead, rejected, bytesRead, importId).update();
    }

    public List<Reject> rejects(long importId) {
        return jdbc.sql("SELECT line, reason FROM incident_rejects WHERE import_id = ? ORDER BY line").param(importId)
                .query(Reject.class).list();
    }

    public List<Warning> warnings(int limit) {
        return jdbc.sql("SELECT source, source_id, occurred_on AS day, offense, address, warning FROM incidents "
                + "WHERE warning IS NOT NULL ORDER BY occurred_on DESC, source_id LIMIT ?").param(limit)
                .query(Warning.class).list();
    }

    public long warningCount() {
        return jdbc.sql("SELECT count(*) FROM incidents WHERE warning IS NOT NULL").query(Long.class).single();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM incidents)").query(Boolean.class).single();
    }

    /** A few sightings per hundred block of one import, enough to refine the gazetteer without holding the file. */
    public Stream<String[]> blockSightings(long importId, int perBlock) {
        return jdbc.sql("SELECT address, latitude, longitude FROM (SELECT address, latitude, longitude, "
                        + "row_number() OVER (PARTITION BY address ORDER BY source_id) AS n FROM incidents "
                        + "WHERE import_id = ? AND NOT geocoded AND latitude IS NOT NULL AND address IS NOT NULL) s "
                        + "WHERE n <= ?")
                .params(importId, perBlock)
                .query((r, n) -> new String[] {r.getString(1), r.getString(2), r.getString(3)}).list().stream();
    }

    // --- re-placement after boundaries change

    /** An incident as stored, for placing it again; coordinates are null when it has none. */
    public record Stored(long id, List<String> sourceUnits, Double latitude, Double longitude, boolean geocoded,
                         List<String> unitPath, String warning) {
    }

    /** Where an incident is counted and its data-quality warning (null for none). */
    public record Placed(List<String> unitPath, String warning) {
    }

    /** A request for the re-placement job, written in the boundary import's transaction: the job takes them all. */
    public void requestReplacement(String level) {
        jdbc.sql("INSERT INTO incident_replacements (level) VALUES (?)").param(level).update();
    }

    public boolean replacementWaiting() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM incident_replacements WHERE status IN ('QUEUED', 'RUNNING'))")
                .query(Boolean.class).single();
    }

    /** Takes every waiting request, including those of a run that died (one job exists at a time). */
    public List<Long> claimReplacements() {
        return jdbc.sql("UPDATE incident_replacements SET status = 'RUNNING' WHERE status IN ('QUEUED', 'RUNNING') "
                + "RETURNING id").query(Long.class).list();
    }

    public void finishReplacements(List<Long> ids, long incidents, long moved) {
        jdbc.sql("UPDATE incident_replacements SET status = 'DONE', finished_at = now(), incidents = ?, moved = ? "
                        + "WHERE id = ANY (?)")
                .params(incidents, moved, ids.toArray(Long[]::new)).update();
    }

    /** The lowest and highest incident id. */
    public record IdRange(long first, long last) {
    }

    /** How many incidents a re-placement read and how many of them it moved. */
    public record Replaced(long incidents, long moved) {

        public Replaced plus(Replaced other) {
            return new Replaced(incidents + other.incidents, moved + other.moved);
        }
    }

    /** Empty when there are no incidents. */
    public Optional<IdRange> idRange() {
        return jdbc.sql("SELECT min(id), max(id) FROM incidents HAVING count(*) > 0")
                .query((r, n) -> new IdRange(r.getLong(1), r.getLong(2))).optional();
    }

    /**
     * Places the incidents with ids in [from, to) again and writes those whose units or warning changed, noting
     * their days for {@link #rebuildReplacedDays()}. Call within a transaction: it takes the import lock, so no
     * import merges rows between the reading and the writing.
     */
    public Replaced replaceBatch(long from, long to, java.util.function.Function<Stored, Placed> place) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('incident-import'))").query(r -> { });
        List<Object[]> changes = new java.util.ArrayList<>();
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        long[] read = {0};
        UnitLists lists = new UnitLists();
        jdbc.sql("SELECT i.id, i.occurred_on, s.units, i.latitude, i.longitude, i.geocoded, p.units, i.warning "
                + "FROM incidents i JOIN incident_unit_lists s ON s.key = i.source_units_key "
                + "JOIN incident_unit_lists p ON p.key = i.unit_path_key WHERE i.id >= ? AND i.id < ?")
                .params(from, to).query(r -> {
            read[0]++;
            Stored stored = new Stored(r.getLong(1), texts(r.getArray(3)), (Double) r.getObject(4),
                    (Double) r.getObject(5), r.getBoolean(6), texts(r.getArray(7)), r.getString(8));
            Placed placed = place.apply(stored);
            if (!placed.unitPath().equals(stored.unitPath()) || !java.util.Objects.equals(placed.warning(), stored.warning())) {
                changes.add(new Object[] {stored.id(), lists.keyOf(placed.unitPath()), placed.warning()});
                days.add(r.getObject(2, LocalDate.class));
            }
        });
        try {
            lists.store(org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource));
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("The new unit paths could not be stored: " + e.getMessage(), e);
        }
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("UPDATE incidents SET unit_path_key = ?, warning = ? WHERE id = ?", changes, 1000,
                (ps, change) -> {
                    ps.setLong(1, (Long) change[1]);
                    ps.setString(2, (String) change[2]);
                    ps.setLong(3, (Long) change[0]);
                });
        template.batchUpdate("INSERT INTO incident_replacement_days (day) VALUES (?) ON CONFLICT DO NOTHING",
                days, 1000, (ps, day) -> ps.setObject(1, day));
        return new Replaced(read[0], changes.size());
    }

    /** Recounts the days whose incidents moved, in one transaction with the import lock: trends see old or new. */
    @Transactional
    public void rebuildReplacedDays() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('incident-import'))").query(r -> { });
        jdbc.sql("CREATE TEMPORARY TABLE incident_days ON COMMIT DROP AS SELECT day FROM incident_replacement_days")
                .update();
        try {
            DailyCounts.recount(org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource));
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("The daily counts could not be rebuilt: " + e.getMessage(), e);
        }
        jdbc.sql("DELETE FROM incident_replacement_days WHERE day IN (SELECT day FROM incident_days)").update();
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return List.of((String[]) array.getArray());
    }

    // --- profiles

    /** Name -> YAML of the department's profiles, as saved. */
    public java.util.Map<String, String> profileYamls() {
        java.util.Map<String, String> yamls = new java.util.TreeMap<>();
        jdbc.sql("SELECT name, yaml FROM incident_profiles").query(r -> {
            yamls.put(r.getString(1), r.getString(2));
        });
        return yamls;
    }

    public void saveProfile(String name, String yaml) {
        jdbc.sql("INSERT INTO incident_profiles (name, yaml) VALUES (?, ?) ON CONFLICT (name) DO UPDATE "
                + "SET yaml = EXCLUDED.yaml, updated_at = now()").params(name, yaml).update();
    }

    // --- classification

    public List<String> schemes() {
        return jdbc.sql("SELECT DISTINCT scheme FROM incident_classification ORDER BY scheme").query(String.class).list();
    }

    public List<Classification> classification(String scheme) {
        return jdbc.sql("SELECT match_key, category, offense, priority, sensitive FROM incident_classification "
                        + "WHERE scheme = ? ORDER BY category, offense, match_key").param(scheme)
                .query((r, n) -> new Classification(r.getString(1), IncidentCategory.of(r.getString(2)).orElseThrow(),
                        r.getString(3), ServicePriority.of(r.getString(4)).orElse(null), r.getBoolean(5)))
                .list();
    }

    public void saveClassification(String scheme, Classification c) {
        jdbc.sql("INSERT INTO incident_classification (scheme, match_key, category, offense, priority, sensitive) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scheme, match_key) DO UPDATE SET category = "
                        + "EXCLUDED.category, offense = EXCLUDED.offense, priority = EXCLUDED.priority, "
                        + "sensitive = EXCLUDED.sensitive")
                .params(scheme, c.matchKey().trim().toUpperCase(java.util.Locale.ROOT), c.category().key(), c.offense(),
                        c.priority() == null ? null : c.priority().key(), c.sensitive())
                .update();
    }

    /** Seeds each shipped scheme (incidents/classification/NAME.csv) that has no rows yet. */
    @Transactional
    public void seedClassification() {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:incidents/classification/*.csv")) {
                String scheme = file.getFilename().replace(".csv", "");
                if (!classification(scheme).isEmpty()) {
                    continue;
                }
                try (Reader in = new java.io.InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
                     CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    for (CSVRecord r : csv) {
                        saveClassification(scheme, ClassificationCsv.row(r));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
