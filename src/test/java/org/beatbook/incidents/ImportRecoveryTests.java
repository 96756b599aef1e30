package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.domain.SourceRow;
import org.beatbook.incidents.domain.StagedIncident;
import org.beatbook.incidents.persistence.CopyBinary;
import org.beatbook.incidents.persistence.ImportSession;
import org.beatbook.incidents.persistence.IncidentStore;
import org.beatbook.platform.ConsoleCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Crash safety, the console command and the gazetteer feed. */
@SpringBootTest
class ImportRecoveryTests {

    @Autowired
    IncidentStore store;
    @Autowired
    IncidentImports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ConsoleCommand> commands;
    @Autowired
    AddressGeocoder geocoder;

    @Test
    void anImportThatDiesBeforeItsCommitLeavesNothingAndIsMarkedInterruptedAtTheNextStart() {
        long before = jdbc.sql("SELECT count(*) FROM incidents").query(Long.class).single();
        long id = store.startImport("chicago", "crash.csv");
        ImportSession session = store.openSession(id, "chicago");
        SourceRow row = new SourceRow(2, "CRASH-1", null, Instant.parse("2015-02-01T10:00:00Z"),
                LocalDate.of(2015, 2, 1), null, "THEFT", null, "013XX S SAWYER AVE", 41.86, -87.70, Map.of(), false);
        CopyBinary rows = new CopyBinary();
        session.append(rows, new StagedIncident(row, new Classification("THEFT", IncidentCategory.PROPERTY,
                "Theft", ServicePriority.REDUCING_CRIME, false), false, 41.86, -87.70, false, List.of("city:x"),
                List.of(), null));
        int length = rows.length();
        session.stage(rows.take(), new int[] {length}, new boolean[] {true}, 1);
        // Another node starting now leaves the running import alone.
        store.markInterrupted();
        assertThat(store.importEntry(id).orElseThrow().status()).isEqualTo("RUNNING");
        session.close(); // the process "dies": no commit
        assertThat(jdbc.sql("SELECT count(*) FROM incidents").query(Long.class).single()).isEqualTo(before);
        assertThat(store.importEntry(id).orElseThrow().status()).isEqualTo("RUNNING");
        assertThat(store.markInterrupted()).isGreaterThanOrEqualTo(1); // what the next start does
        assertThat(store.importEntry(id).orElseThrow().status()).isEqualTo("INTERRUPTED");
        assertThat(store.importEntry(id).orElseThrow().message()).contains("nothing of it was applied");
    }

    @Test
    void theConsoleCommandImportsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crimes.csv");
        String csv = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).lines().limit(6)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        Files.writeString(file, csv + "\n");
        ConsoleCommand command = commands.stream().filter(c -> c.name().equals(List.of("import", "incidents")))
                .findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of("--profile", "chicago", "--no-gazetteer", file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 rows read").contains("5 unchanged");
        assertThat(command.run(List.of(file.toString()), System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(command.run(List.of("--profile", "nope", file.toString()), System.out, new PrintStream(err)))
                .isEqualTo(2);
    }

    @Test
    void importedHundredBlocksFeedTheGazetteer() {
        assertThat(geocoder.geocode("9950 S BEATBOOKTEST AVE").match()).isEmpty();
        String csv = "id,occurred,code,description,address,latitude,longitude\n"
                + "G1,2012-06-01,NOISE,noise,099XX S BEATBOOKTEST AVE,41.7140,-87.6240\n"
                + "G2,2012-06-01,NOISE,noise,099XX S BEATBOOKTEST AVE,41.7126,-87.6240\n";
        ImportReport report = imports.importFile("generic", "g.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(report.accepted()).isTrue();
        var match = geocoder.geocode("9950 S BEATBOOKTEST AVE").match();
        assertThat(match).isPresent();
        assertThat(match.get().latitude()).isBetween(41.712, 41.7141);
    }
}
