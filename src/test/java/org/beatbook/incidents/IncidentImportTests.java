package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.beatbook.incidents.persistence.IncidentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Chicago demo's crimes imported with the chicago profile (the demo loader imports them at start). Other test
 * classes in the shared context add incidents of other sources dated 2012, outside every period checked here.
 */
@SpringBootTest
class IncidentImportTests {

    @Autowired
    IncidentImports imports;
    @Autowired
    IncidentTrends trends;
    @Autowired
    IncidentStore store;
    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyRowOfTheChicagoFileIsImportedClassifiedAndPlaced() {
        List<CSVRecord> rows = ChicagoCrimes.rows();
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago'")).isEqualTo(rows.size());
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago' AND category = 'other' "
                + "AND offense NOT IN ('Other offense', 'Non-criminal')")).isZero();
        assertThat(count("SELECT count(*) FROM incidents_with_units WHERE source = 'chicago' "
                + "AND cardinality(unit_path) = 3"))
                .isEqualTo(rows.size());
        // Rows without coordinates are kept and, where the gazetteer knows the block, located by geocoding.
        long noCoordinates = rows.stream().filter(r -> r.get("Latitude").isBlank()).count();
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago' AND geocoded")).isPositive().isLessThanOrEqualTo(noCoordinates);
        Map<String, Long> byType = rows.stream().collect(Collectors.groupingBy(r -> r.get("Primary Type"),
                Collectors.counting()));
        assertThat(count("SELECT count(*) FROM incidents WHERE offense_text = 'ROBBERY' AND category = 'property'"))
                .isEqualTo(byType.get("ROBBERY"));
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago' AND category = 'persons'"))
                .isEqualTo(rows.stream().filter(r -> Set.of("HOMICIDE", "CRIM SEXUAL ASSAULT", "SEX OFFENSE",
                        "OFFENSE INVOLVING CHILDREN", "ASSAULT", "BATTERY", "KIDNAPPING", "STALKING", "INTIMIDATION")
                        .contains(r.get("Primary Type"))).count());
        // Domestic rows are sensitive whatever their offense.
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago' AND sensitive")).isGreaterThanOrEqualTo(
                rows.stream().filter(r -> r.get("Domestic").equals("true")).count());
    }

    @Test
    void reImportingTheSameFileChangesNothing() {
        long before = count("SELECT count(*) FROM incidents WHERE source = 'chicago'");
        ImportReport again = imports.importFile("chicago", "again.csv", new ByteArrayInputStream(ChicagoCrimes.bytes()),
                false);
        assertThat(again.accepted()).isTrue();
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM incidents WHERE source = 'chicago'")).isEqualTo(before);
    }

    @Test
    void aNulInTheFileNameIsShownInTheJournalNotRefused() {
        String csv = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).lines().limit(3)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        ImportReport report = imports.importFile("chicago", "crimes\u0000.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.accepted()).isTrue();
        assertThat(jdbc.sql("SELECT file_name FROM incident_imports WHERE id = ?").param(report.importId())
                .query(String.class).single()).isEqualTo("crimes\u2400.csv");
    }

    @Test
    void aDamagedCopyImportsTheGoodRowsAndReportsEachBadOneByLine() {
        String[] lines = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).split("\n");
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.writeBytes((lines[0] + "\n").getBytes(StandardCharsets.UTF_8));
        for (int k = 1; k <= 10; k++) {
            String line = lines[k];
            switch (k) {
                case 2 -> line = line.replace("02/08/2015", "31/31/2015");          // line 3: bad date
                case 4 -> line = line.substring(0, line.indexOf(",2015,")) + "";     // line 5: too few columns
                case 6 -> line = line.replaceFirst(",41\\.[0-9]+,-87\\.[0-9]+,", ",,,"); // line 7: no coordinates
                case 8 -> line = line.replaceFirst("(\\d{7}),", "$1,,");             // line 9: a column too many
                default -> { }
            }
            if (k == 10) {
                // line 11: a byte that is not UTF-8 in the block (the 40th byte of the line)
                byte[] raw = line.getBytes(StandardCharsets.UTF_8);
                damaged.write(raw, 0, 40);
                damaged.write(0xE9);
                damaged.write(raw, 40, raw.length - 40);
                damaged.write('\n');
            }
            else {
                damaged.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        ImportReport report = imports.importFile("chicago", "damaged.csv",
                new ByteArrayInputStream(damaged.toByteArray()), false);
        assertThat(report.accepted()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(10);
        assertThat(report.rejected()).isEqualTo(4);
        Map<Long, String> rejects = new TreeMap<>();
        store.rejects(report.importId()).forEach(r -> rejects.put(r.line(), r.reason()));
        assertThat(rejects.keySet()).containsExactly(3L, 5L, 9L, 11L);
        assertThat(rejects.get(3L)).contains("Date").contains("31/31/2015");
        assertThat(rejects.get(5L)).contains("columns");
        assertThat(rejects.get(9L)).contains("columns");
        assertThat(rejects.get(11L)).isEqualTo("column Block contains bytes that are not valid UTF-8");
        // The row without coordinates is kept (the beat says where it counts).
        assertThat(report.inserted() + report.updated() + report.unchanged()).isEqualTo(6);
        String id7 = lines[6].substring(0, lines[6].indexOf(','));
        assertThat(jdbc.sql("SELECT cardinality(unit_path) FROM incidents_with_units WHERE source_id = ?").param(id7)
                .query(Integer.class).single()).isEqualTo(3);
        // Put the original row back so the shared data stays the demo's.
        imports.importFile("chicago", "restore.csv", new ByteArrayInputStream((lines[0] + "\n" + lines[6] + "\n")
                .getBytes(StandardCharsets.UTF_8)), false);
    }

    static String[] demoLines() {
        return new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).split("\n");
    }

    /** Imports the demo header and the given rows, one of them bad, and returns the one reject. */
    IncidentStore.Reject importWithOneBadRow(long unchanged, String... rows) {
        String csv = demoLines()[0] + "\n" + String.join("\n", rows) + "\n";
        ImportReport report = imports.importFile("chicago", "one-bad-row.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.accepted()).isTrue();
        assertThat(report.unchanged()).isEqualTo(unchanged);
        assertThat(report.rejected()).isEqualTo(1);
        return store.rejects(report.importId()).get(0);
    }

    @Test
    void aQuoteThatNeverClosesRejectsTheRestOfTheFileFromTheLineWhereItOpens() {
        String[] lines = demoLines();
        IncidentStore.Reject reject = importWithOneBadRow(2, lines[1], lines[2], lines[3].replaceFirst(",", ",\""),
                lines[4], lines[5]);
        assertThat(reject.line()).isEqualTo(4);
        assertThat(reject.reason()).contains("cannot be read as CSV from here on");
    }

    @Test
    void aRejectNamesTheFileLineWhereItsRecordStartsAlsoAfterAValueSpanningLines() {
        String[] lines = demoLines();
        // The first row's quoted location (a column the profile does not read) holds a line break.
        String spanning = lines[1].replace(",\"(", ",\"\n(");
        assertThat(spanning).contains("\n");
        IncidentStore.Reject reject = importWithOneBadRow(1, spanning, lines[2].replaceFirst(",", ",\u0000"));
        assertThat(reject.line()).isEqualTo(4);
    }

    @Test
    void aRowWithANulByteIsRejectedAloneNotTheFile() {
        String[] lines = demoLines();
        IncidentStore.Reject reject = importWithOneBadRow(1, lines[1], lines[2].replaceFirst(",", ",\u0000"));
        assertThat(reject.line()).isEqualTo(3);
        assertThat(reject.reason()).startsWith("column Case Number").contains("NUL");
    }

    @Test
    void aFileThatIsNotWhatTheProfileExpectsIsRejectedWhole() {
        long before = count("SELECT count(*) FROM incidents");
        ImportReport report = imports.importFile("chicago", "roster.csv", new ByteArrayInputStream(
                "badge,name,unit\n1,Jane,0422\n".getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.accepted()).isFalse();
        assertThat(report.message()).contains("missing column(s)").contains("ID").contains("Date");
        assertThat(count("SELECT count(*) FROM incidents")).isEqualTo(before);
        assertThat(store.importEntry(report.importId()).orElseThrow().status()).isEqualTo("REJECTED");
    }

    @Test
    void compStatMatchesCountsComputedFromTheRawFile() {
        LocalDate asOf = trends.latestDay().orElseThrow();
        assertThat(asOf).isEqualTo(LocalDate.of(2015, 2, 8));
        List<CSVRecord> rows = ChicagoCrimes.rows();
        Map<String, Long> week = rows.stream()
                .filter(r -> !ChicagoCrimes.day(r).isBefore(asOf.minusDays(6)))
                .collect(Collectors.groupingBy(ChicagoCrimes::district, Collectors.counting()));
        Map<String, Long> month = rows.stream()
                .filter(r -> !ChicagoCrimes.day(r).isBefore(asOf.minusDays(27)))
                .collect(Collectors.groupingBy(ChicagoCrimes::district, Collectors.counting()));
        List<CompStatRow> table = trends.compStat("district", null, asOf, TrendFilter.between(asOf, asOf));
        List<CompStatRow> totals = table.stream().filter(r -> r.category() == null).toList();
        assertThat(totals).hasSize(23);
        for (CompStatRow row : totals) {
            assertThat(row.week().current()).as(row.unit().label()).isEqualTo(week.getOrDefault(row.unit().code(), 0L));
            assertThat(row.month().current()).isEqualTo(month.getOrDefault(row.unit().code(), 0L));
            assertThat(row.yearToDate().current()).isEqualTo(rows.stream()
                    .filter(r -> ChicagoCrimes.district(r).equals(row.unit().code())).count());
            assertThat(row.week().previous()).isZero();
        }
        long property = rows.stream().filter(r -> Set.of("THEFT", "BURGLARY", "MOTOR VEHICLE THEFT", "ROBBERY",
                "ARSON", "CRIMINAL DAMAGE", "DECEPTIVE PRACTICE").contains(r.get("Primary Type"))).count();
        assertThat(trends.count(null, new TrendFilter(LocalDate.of(2015, 1, 1), asOf, Set.of(IncidentCategory.PROPERTY),
                Set.of(), null))).isEqualTo(property - rows.stream().filter(r -> r.get("IUCR").equals("1305")).count());
        // Graffiti (IUCR 1305, criminal defacement) is a quality-of-life matter by the table's code row.
        assertThat(trends.count(null, new TrendFilter(LocalDate.of(2015, 1, 1), asOf, Set.of(), Set.of(),
                ServicePriority.QUALITY_OF_LIFE))).isEqualTo(rows.stream().filter(r -> r.get("IUCR").equals("1305")
                || Set.of("LIQUOR LAW VIOLATION", "PUBLIC INDECENCY", "CRIMINAL TRESPASS", "PUBLIC PEACE VIOLATION")
                .contains(r.get("Primary Type"))).count());
        // Drill down: the sectors of district 4 add up to the district.
        long district4 = totals.stream().filter(r -> r.unit().code().equals("4")).findFirst().orElseThrow()
                .yearToDate().current();
        long sectors = trends.compStat("sector", new org.beatbook.geography.UnitKey("district", "4"), asOf,
                        TrendFilter.between(asOf, asOf)).stream().filter(r -> r.category() == null)
                .mapToLong(r -> r.yearToDate().current()).sum();
        assertThat(sectors).isEqualTo(district4);
    }

    @Test
    void weeklySeriesAddsUpToTheFile() {
        List<SeriesPoint> series = trends.series(null, Interval.WEEK,
                TrendFilter.between(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 2, 28)));
        assertThat(series.stream().mapToLong(SeriesPoint::count).sum()).isEqualTo(ChicagoCrimes.rows().size());
        Map<LocalDate, Long> weeks = ChicagoCrimes.rows().stream().collect(Collectors.groupingBy(
                r -> ChicagoCrimes.day(r).with(java.time.DayOfWeek.MONDAY), Collectors.counting()));
        weeks.forEach((monday, n) -> assertThat(series.stream().filter(p -> p.periodStart().equals(monday))
                .mapToLong(SeriesPoint::count).sum()).isEqualTo(n));
    }
}
