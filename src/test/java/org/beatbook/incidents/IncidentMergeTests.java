package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.domain.DailyTally;
import org.beatbook.incidents.domain.SourceRow;
import org.beatbook.incidents.domain.StagedIncident;
import org.beatbook.incidents.persistence.CopyBinary;
import org.beatbook.incidents.persistence.ImportSession;
import org.beatbook.incidents.persistence.IncidentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * How an import merges into what is stored, and that the daily counts always equal a recount of the incidents. The
 * shared database's demo load went into empty tables, so it took the bulk path (indexes dropped and built again,
 * daily counts rebuilt); the imports here take the row-by-row path, and one spanning many new days the rebuild of
 * the daily counts with the days it did not touch kept. Rows dated 2013 and 2014, which nothing else uses.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class IncidentMergeTests {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    static final List<CSVRecord> TEMPLATES = ChicagoCrimes.rows();

    @Autowired
    IncidentImports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IncidentStore store;

    @AfterEach
    void removeTheRows() {
        jdbc.sql("DELETE FROM incidents WHERE occurred_on BETWEEN '2013-01-01' AND '2014-12-31'").update();
        jdbc.sql("DELETE FROM incident_daily WHERE day BETWEEN '2013-01-01' AND '2014-12-31'").update();
    }

    /** A Chicago row: the k-th demo row with another id, day and primary type. */
    static String row(int k, String id, LocalDate day, String primaryType) {
        List<String> values = new ArrayList<>(TEMPLATES.get(k).toList());
        List<String> header = TEMPLATES.get(k).getParser().getHeaderNames();
        values.set(header.indexOf("ID"), id);
        values.set(header.indexOf("Date"), day.atTime(14, 30).format(DATE));
        values.set(header.indexOf("Year"), Integer.toString(day.getYear()));
        if (primaryType != null) {
            values.set(header.indexOf("Primary Type"), primaryType);
        }
        return CSVFormat.DEFAULT.format(values.toArray());
    }

    ImportReport importRows(List<String> rows) {
        String header = CSVFormat.DEFAULT.format(TEMPLATES.get(0).getParser().getHeaderNames().toArray());
        String csv = header + "\n" + String.join("\n", rows) + "\n";
        return imports.importFile("chicago", "merge.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
    }

    String column(String column, String id) {
        return jdbc.sql("SELECT " + column + "::text FROM incidents WHERE source = 'chicago' AND source_id = ?")
                .param(id).query(String.class).single();
    }

    long dailyOn(LocalDate day) {
        return jdbc.sql("SELECT coalesce(sum(n), 0) FROM incident_daily_counts WHERE level = 'city' AND day = ?").param(day)
                .query(Long.class).single();
    }

    /** Counts of incident_daily (a day's count is the sum of its rows) that differ from a recount, both ways. */
    long countsOffTheIncidents() {
        String recount = "SELECT split_part(u, ':', 1), substr(u, strpos(u, ':') + 1), occurred_on, category, offense, "
                + "coalesce(priority, ''), sensitive, count(*)::int FROM incidents_with_units "
                + "CROSS JOIN LATERAL unnest(unit_path || 'city:all'::text) AS u GROUP BY 1, 2, 3, 4, 5, 6, 7";
        String stored = "SELECT level, unit_code, day, category, offense, priority, sensitive, sum(n)::int "
                + "FROM incident_daily_counts GROUP BY 1, 2, 3, 4, 5, 6, 7";
        return jdbc.sql("SELECT (SELECT count(*) FROM (" + recount + " EXCEPT " + stored + ") a) "
                + "+ (SELECT count(*) FROM (" + stored + " EXCEPT " + recount + ") b)").query(Long.class).single();
    }

    @Test
    void aLaterOverlappingExportUpdatesByIdAndTheDailyCountsFollow() {
        LocalDate day = LocalDate.of(2013, 3, 4);
        // The same record twice in one export: its last line wins.
        ImportReport first = importRows(List.of(row(0, "99000001", day, null), row(1, "99000002", day, null),
                row(2, "99000003", day.plusDays(1), null), row(3, "99000004", day, "THEFT"),
                row(1, "99000002", day.plusDays(2), null)));
        assertThat(first.accepted()).isTrue();
        assertThat(first.rowsRead()).isEqualTo(5);
        assertThat(first.inserted()).isEqualTo(4);
        assertThat(first.updated()).as("a record listed twice counts once, as new").isZero();
        assertThat(first.unchanged()).isZero();
        assertThat(column("occurred_on", "99000002")).isEqualTo(day.plusDays(2).toString());
        assertThat(dailyOn(day)).isEqualTo(2);
        assertThat(countsOffTheIncidents()).isZero();

        // Unchanged, moved to another day, reclassified, new.
        ImportReport later = importRows(List.of(row(0, "99000001", day, null),
                row(2, "99000003", day.plusDays(30), null), row(3, "99000004", day, "NARCOTICS"),
                row(4, "99000005", day, null)));
        assertThat(later.inserted()).isEqualTo(1);
        assertThat(later.updated()).isEqualTo(2);
        assertThat(later.unchanged()).isEqualTo(1);
        assertThat(column("offense_text", "99000004")).isEqualTo("NARCOTICS");
        assertThat(column("category", "99000004")).isEqualTo("society");
        assertThat(dailyOn(day.plusDays(1))).isZero();
        assertThat(dailyOn(day.plusDays(30))).isEqualTo(1);
        assertThat(dailyOn(day)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE source_id LIKE '990000%'").query(Long.class).single())
                .isEqualTo(5);
        assertThat(countsOffTheIncidents()).isZero();
    }

    /**
     * New ids go straight into the incidents while most rows are new; once the rows of stored records outnumber
     * them, the rest of the file goes through the staging table, new ids included.
     */
    @Test
    void anExportOfMostlyStoredRecordsGoesThroughTheStagingTable(CapturedOutput log) {
        LocalDate day = LocalDate.of(2013, 10, 1);
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 1_500; k++) {
            rows.add(row(k, Integer.toString(99400000 + k), day.plusDays(k % 20), null));
        }
        ImportReport first = importRows(rows);
        assertThat(first.inserted()).isEqualTo(1_500);
        assertThat(log.getOut()).contains("Import " + first.importId()
                + ": 1500 rows written straight into the incidents, 0 through the staging table");

        // The same export a day later: one record moved to another day, one reclassified, two new at the end.
        rows.set(1_200, row(1_200, "99401200", day.plusDays(25), null));
        rows.set(1_300, row(1_300, "99401300", day.plusDays(1_300 % 20), "NARCOTICS"));
        rows.add(row(1_500, "99401500", day.plusDays(26), null));
        rows.add(row(1_501, "99401501", day, null));
        ImportReport later = importRows(rows);
        assertThat(later.inserted()).isEqualTo(2);
        assertThat(later.updated()).isEqualTo(2);
        assertThat(later.unchanged()).isEqualTo(1_498);
        assertThat(log.getOut()).contains("Import " + later.importId()
                + ": 0 rows written straight into the incidents, 1502 through the staging table");
        assertThat(column("occurred_on", "99401200")).isEqualTo(day.plusDays(25).toString());
        assertThat(column("offense_text", "99401300")).isEqualTo("NARCOTICS");
        assertThat(dailyOn(day.plusDays(26))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE source_id LIKE '9940____'").query(Long.class).single())
                .isEqualTo(1_502);
        assertThat(countsOffTheIncidents()).isZero();
    }

    /**
     * A load larger than what is stored gives the incidents new files (so that the embedded server, with wal_level
     * minimal, writes no WAL for them) after setting the stored rows aside: those come back as they were, ids
     * included, and every index is built again.
     */
    @Test
    void aLoadLargerThanWhatIsStoredKeepsTheStoredIncidentsAsTheyWere(CapturedOutput log) {
        String fingerprint = "SELECT md5(string_agg(i::text, ',' ORDER BY id)) FROM incidents i";
        String before = jdbc.sql(fingerprint).query(String.class).single();
        long stored = jdbc.sql("SELECT greatest(count(*), (SELECT reltuples::bigint FROM pg_class "
                + "WHERE oid = 'incidents'::regclass)) FROM incidents").query(Long.class).single();
        LocalDate day = LocalDate.of(2014, 7, 1);
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < stored + 1_000; k++) {
            rows.add(row(k % TEMPLATES.size(), Integer.toString(99500000 + k), day.plusDays(k % 150), null));
        }
        ImportReport report = importRows(rows);
        assertThat(report.inserted()).isEqualTo(rows.size());
        assertThat(log.getOut()).contains("Import " + report.importId() + ": the incidents' ")
                .contains("rows set aside and put back into new files");
        assertThat(jdbc.sql(fingerprint + " WHERE import_id <> ?").param(report.importId()).query(String.class)
                .single()).isEqualTo(before);
        theBulkLoadLeftEveryIndexInPlace();
    }

    @Test
    void anImportOfNewIncidentsOnlyAddsItsTallyToTheDailyCounts() {
        LocalDate day = LocalDate.of(2013, 6, 1);
        importRows(List.of(row(0, "99200001", day, null), row(1, "99200002", day, null)));
        long rowsBefore = jdbc.sql("SELECT count(*) FROM incident_daily WHERE day = ?").param(day).query(Long.class)
                .single();

        // New ids on the same day (the demo's row 3 has no coordinates) and on the next.
        ImportReport report = importRows(List.of(row(0, "99200003", day, null), row(1, "99200004", day, null),
                row(3, "99200005", day, "THEFT"), row(6, "99200006", day.plusDays(1), "NARCOTICS")));
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(dailyOn(day)).isEqualTo(5);
        assertThat(dailyOn(day.plusDays(1))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_daily WHERE day = ?").param(day).query(Long.class).single())
                .as("the stored counts stay as they were; the tally adds rows of its own").isGreaterThan(rowsBefore);
        assertThat(countsOffTheIncidents()).isZero();
    }

    @Test
    void anImportOverMostDaysRebuildsTheDailyCountsAndKeepsTheOtherDays() {
        long citywideBefore = jdbc.sql("SELECT sum(n) FROM incident_daily_counts WHERE level = 'city'").query(Long.class)
                .single();
        long known = jdbc.sql("SELECT count(DISTINCT day) FROM incident_daily_counts WHERE level = 'city'").query(Long.class)
                .single();
        List<String> rows = new ArrayList<>();
        LocalDate start = LocalDate.of(2014, 1, 1);
        for (int k = 0; k <= known; k++) {
            rows.add(row(k, Integer.toString(99100000 + k), start.plusDays(k), null));
        }
        // A record listed twice: not every row is new, so the touched days are counted again, not tallied.
        rows.add(row(0, "99100000", start, null));
        ImportReport report = importRows(rows);
        assertThat(report.inserted()).isEqualTo(rows.size() - 1);
        assertThat(jdbc.sql("SELECT sum(n) FROM incident_daily_counts WHERE level = 'city'").query(Long.class).single())
                .isEqualTo(citywideBefore + rows.size() - 1);
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM incident_daily GROUP BY unit, day, kind "
                + "HAVING count(*) > 1) twice").query(Long.class).single())
                .as("the rebuild folds every count into one row").isZero();
        assertThat(countsOffTheIncidents()).isZero();
    }

    /**
     * PostgreSQL refuses a new temp_buffers size once a session has used temporary tables, and a pooled connection
     * may have (the re-placement job's recount uses them).
     */
    @Test
    void anImportRunsOnAConnectionThatAlreadyUsedTemporaryTables() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        SingleConnectionDataSource used = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword(), true);
        try (Statement s = used.getConnection().createStatement()) {
            s.execute("CREATE TEMPORARY TABLE used_before AS SELECT 1 AS x");
            s.execute("DROP TABLE used_before");
        }
        long id = store.startImport("chicago", "used.csv");
        LocalDate day = LocalDate.of(2013, 9, 1);
        SourceRow row = new SourceRow(2, "99300001", null, day.atTime(12, 0).toInstant(ZoneOffset.UTC), day, null,
                "THEFT", null, "013XX S SAWYER AVE", 41.86, -87.70, Map.of(), false);
        StagedIncident incident = new StagedIncident(row, new Classification("THEFT", IncidentCategory.PROPERTY,
                "THEFT", ServicePriority.REDUCING_CRIME, false), false, 41.86, -87.70, false, List.of(), List.of(), null);
        DailyTally tally = new DailyTally();
        tally.count(incident);
        CopyBinary rows = new CopyBinary();
        try (ImportSession session = new ImportSession(used, id, "chicago")) {
            session.append(rows, incident);
            int length = rows.length();
            session.stage(rows.take(), new int[] {length}, new boolean[] {true}, 1);
            assertThat(session.commit(1, 0, tally, false).inserted()).isEqualTo(1);
        }
        finally {
            used.destroy();
        }
        assertThat(dailyOn(day)).isEqualTo(1);
        assertThat(countsOffTheIncidents()).isZero();
    }

    @Test
    void theBulkLoadLeftEveryIndexInPlace() {
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename IN ('incidents', 'incident_daily')")
                .query(String.class).list()).containsExactlyInAnyOrder("incidents_pkey",
                "incidents_source_id_key", "incidents_occurred_on", "incidents_warnings",
                "incident_daily_unit_day");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_index WHERE indrelid IN ('incidents'::regclass, "
                + "'incident_daily'::regclass) AND indisvalid AND indisready").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conrelid = 'incidents'::regclass "
                + "AND contype = 'u'").query(Long.class).single()).isEqualTo(1);
        assertThat(countsOffTheIncidents()).isZero();
    }
}
