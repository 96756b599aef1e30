package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.beatbook.geography.BoundariesChanged;
import org.beatbook.geography.BoundaryAdministration;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitLocator;
import org.beatbook.geography.UnitRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents follow their units when boundaries change: Seattle's beats re-imported with one beat renamed move its
 * incidents and their daily counts to the new code. A database of its own: the shared one keeps Chicago's units.
 */
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-incidents-replacement",
        "beatbook.demo.enabled=false"})
class ReplacementTests {

    static final Path SEATTLE = Path.of("src/test/resources/data/seattle");

    @Autowired
    BoundaryAdministration administration;
    @Autowired
    UnitLocator locator;
    @Autowired
    IncidentImports imports;
    @Autowired
    IncidentTrends trends;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    void importBoundaries(String level, String geoJson) throws IOException {
        try (InputStream in = new ByteArrayInputStream(geoJson.getBytes(StandardCharsets.UTF_8))) {
            assertThat(administration.importBoundaries(new BoundaryImportRequest(level, "name", null, null, false), in)
                    .accepted()).isTrue();
        }
    }

    /** Waits until the re-placement job has handled every request made so far. */
    void awaitReplacements(int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (jdbc.sql("SELECT count(*) FROM incident_replacements WHERE status = 'DONE'").query(Long.class).single()
                < atLeast || jdbc.sql("SELECT count(*) FROM incident_replacements WHERE status <> 'DONE'")
                .query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("re-placement still running").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    List<String> path(String id) {
        return List.of(jdbc.sql("SELECT unit_path FROM incidents_with_units WHERE source_id = ?").param(id)
                .query((r, n) -> (String[]) r.getArray(1).getArray()).single());
    }

    long daily(String unit) {
        return jdbc.sql("SELECT coalesce(sum(n), 0) FROM incident_daily_counts WHERE level = 'beat' AND unit_code = ?")
                .param(unit).query(Long.class).single();
    }

    @Test
    void incidentsAndTheirDailyCountsMoveToTheRenamedBeat() throws Exception {
        administration.defineLevels(List.of(new LevelDefinition("precinct", "Precinct", "Precincts"),
                new LevelDefinition("beat", "Beat", "Beats")));
        importBoundaries("precinct", Files.readString(SEATTLE.resolve("police-precincts.geojson")));
        String beats = Files.readString(SEATTLE.resolve("police-beats.geojson"));
        importBoundaries("beat", beats);
        awaitReplacements(2);
        // Pike Place Market
        String beat = locator.locate(47.6094, -122.3417).units().stream().filter(u -> u.level().equals("beat"))
                .map(UnitRef::code).findFirst().orElseThrow();
        String csv = """
                id,occurred,code,description,address,latitude,longitude
                P1,2012-06-01,NOISE,noise,1500 PIKE PL,47.6094,-122.3417
                P2,2012-06-01,TC,collision,1500 PIKE PL,47.6094,-122.3417
                P3,2012-06-02,NOISE,noise,1500 PIKE PL,47.6094,-122.3417
                U1,2012-06-02,NOISE,noise,4500 UNIVERSITY WAY NE,47.6620,-122.3130
                """;
        assertThat(imports.importFile("generic", "seattle.csv", new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)), false).inserted()).isEqualTo(4);
        List<String> elsewhere = path("U1");
        assertThat(path("P1")).contains("beat:" + beat);
        assertThat(daily(beat)).isEqualTo(3);

        String renamed = beats.replaceAll("\"name\"\\s*:\\s*\"" + beat + "\"", "\"name\": \"Z9\"");
        assertThat(renamed).isNotEqualTo(beats);
        importBoundaries("beat", renamed);
        awaitReplacements(3);

        for (String id : List.of("P1", "P2", "P3")) {
            assertThat(path(id)).contains("beat:Z9").doesNotContain("beat:" + beat);
        }
        assertThat(path("U1")).isEqualTo(elsewhere);
        assertThat(daily("Z9")).isEqualTo(3);
        assertThat(daily(beat)).isZero();
        TrendFilter june = TrendFilter.between(LocalDate.of(2012, 6, 1), LocalDate.of(2012, 6, 2));
        assertThat(trends.countsByUnit("beat", june)).filteredOn(c -> c.unit().code().equals("Z9"))
                .singleElement().extracting(UnitCount::count).isEqualTo(3L);
        assertThat(jdbc.sql("SELECT moved FROM incident_replacements ORDER BY id DESC LIMIT 1").query(Long.class)
                .single()).isEqualTo(3);
    }

    @Test
    void theReplacementRequestCommitsWithTheBoundaries() throws Exception {
        String requests = "SELECT count(*) FROM incident_replacements";
        long before = jdbc.sql(requests).query(Long.class).single();
        AtomicLong atCommit = new AtomicLong(-1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // Runs first after the commit, before any after-commit listener: what a crash right then would leave.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }

                @Override
                public void afterCommit() {
                    atCommit.set(jdbc.sql(requests).query(Long.class).single());
                }
            });
            events.publishEvent(new BoundariesChanged("beat", 0));
        });
        // The request is there for the sweep to start even if the job had not been.
        assertThat(atCommit.get()).isEqualTo(before + 1);
        awaitReplacements(1);
    }
}
