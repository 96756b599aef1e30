package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.BeatbookApplication;
import org.beatbook.incidents.application.ImportJobs;
import org.beatbook.incidents.persistence.IncidentStore;
import org.beatbook.support.TestSchedulers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety with a real crash: a child JVM runs the application against this test's database and is killed with
 * SIGKILL in the middle of an import ({@link ImportRecoveryTests} only closes a session without its commit). A
 * console import is then rolled back and marked INTERRUPTED by the next start; a background import is revived by
 * db-scheduler in a second child JVM and completes, every row stored once.
 */
@SpringBootTest
class ImportCrashTests {

    /** The children's output, kept for a failed run and printed with its failure. */
    private static final Path LOGS = Path.of("target", "import-crash-tests");
    private static final Duration START_AND_RUN = Duration.ofSeconds(120);

    @Autowired
    IncidentStore store;
    @Autowired
    ImportJobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Child::close);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aConsoleImportKilledMidwayLeavesNothingAndIsMarkedInterruptedAtTheNextStart(@TempDir Path dir)
            throws Exception {
        // 2009 and ids KC...: no other data has them, so any row that got through would show
        Path file = resampled(dir.resolve("crash-console.csv"), "KC", 2009, 100_000);
        Child child = start("console", List.of(), "import", "incidents", "--profile", "chicago",
                "--no-gazetteer", file.toString());
        try {
            long id = awaitRunningWithRows(child, "SELECT max(id) FROM incident_imports WHERE file_name = ?",
                    "crash-console.csv");
            child.kill();

            // RUNNING: killed before the commit, which writes DONE in the same transaction as the rows
            assertThat(store.importEntry(id).orElseThrow().status()).as("nothing marks it until a start")
                    .isEqualTo("RUNNING");
            assertThat(count("SELECT count(*) FROM incidents WHERE import_id = ? OR source_id LIKE 'KC%'", id))
                    .isZero();
            assertThat(count("SELECT count(*) FROM incident_daily WHERE day >= '2009-01-01' AND day < '2010-01-01'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM incident_rejects WHERE import_id = ?", id)).isZero();

            // What the next start does. PostgreSQL ends the killed client's session (and its lock) a moment later.
            Instant deadline = Instant.now().plusSeconds(30);
            while (!store.importEntry(id).orElseThrow().status().equals("INTERRUPTED")) {
                assertThat(Instant.now()).as("import %d still locked by the killed child", id).isBefore(deadline);
                store.markInterrupted();
                Thread.sleep(100);
            }
            assertThat(store.importEntry(id).orElseThrow().message()).contains("nothing of it was applied");
        }
        catch (Throwable t) {
            child.printLog();
            throw t;
        }
    }

    @Test
    void aBackgroundImportKilledMidwayIsRevivedAtTheNextStartAndStoresEveryRowOnce(@TempDir Path dir)
            throws Exception {
        // Enough rows to still be importing a second after the start, when the first progress is written
        int rows = 120_000;
        Path file = resampled(dir.resolve("crash-job.csv"), "KJ", 2008, rows);
        long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = jobs.store("chicago", "crash-job.csv", in, false);
        }
        // No scheduler of this JVM (every cached Spring context has one) may take the job: the children run it
        TestSchedulers.pauseAll();
        Child first = null;
        Child second = null;
        try {
            jobs.start(id);
            // A short heartbeat, so that the second child sees the first one's execution dead within seconds
            List<String> schedulerOn = List.of("-Ddb-scheduler.enabled=true", "-Ddb-scheduler.polling-interval=200ms",
                    "-Ddb-scheduler.heartbeat-interval=1s", "-Ddb-scheduler.missed-heartbeats-limit=4",
                    "-Dspring.main.web-application-type=none", "-Dspring.main.keep-alive=true");
            first = start("job-first", schedulerOn);
            awaitRunningWithRows(first, "SELECT id FROM incident_imports WHERE id = ?", id);
            first.kill();
            // The killed child was the one importing: nothing else moves the import on (progress comes each second)
            long readWhenKilled = store.importEntry(id).orElseThrow().rowsRead();
            Thread.sleep(2_500);
            assertThat(store.importEntry(id).orElseThrow().rowsRead()).isEqualTo(readWhenKilled);

            assertThat(store.importEntry(id).orElseThrow().status()).isEqualTo("RUNNING");
            assertThat(count("SELECT count(*) FROM incidents WHERE import_id = ? OR source_id LIKE 'KJ%'", id))
                    .isZero();
            assertThat(count("SELECT count(*) FROM incident_daily WHERE day >= '2008-01-01' AND day < '2009-01-01'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM incident_import_chunks WHERE import_id = ?", id))
                    .as("the stored file stays for the revived job").isPositive();

            second = start("job-second", schedulerOn);
            Instant deadline = Instant.now().plus(START_AND_RUN);
            while (!store.importEntry(id).orElseThrow().status().equals("DONE")) {
                assertThat(store.importEntry(id).orElseThrow().status()).isIn("RUNNING", "QUEUED");
                assertThat(second.process.isAlive()).as("second child alive").isTrue();
                assertThat(Instant.now()).as("import %d not done", id).isBefore(deadline);
                Thread.sleep(200);
            }
            System.out.printf("ImportCrashTests: the second child completed import %d after %d s%n", id,
                    Duration.between(deadline.minus(START_AND_RUN), Instant.now()).toSeconds());
            IncidentStore.ImportEntry entry = store.importEntry(id).orElseThrow();
            assertThat(entry.rowsRead()).isEqualTo(rows);
            assertThat(entry.inserted()).as("the killed run's rows were rolled back").isEqualTo(rows);
            assertThat(entry.updated() + entry.unchanged() + entry.rejected()).isZero();
            assertThat(count("SELECT count(*) FROM incidents WHERE import_id = ?", id)).isEqualTo(rows);
            assertThat(count("SELECT count(DISTINCT source_id) FROM incidents WHERE source_id LIKE 'KJ%'"))
                    .isEqualTo(rows);
            assertThat(count("SELECT count(*) FROM incidents WHERE source_id LIKE 'KJ%'")).isEqualTo(rows);
            // each located incident counted once in its district's day
            assertThat(count("SELECT coalesce(sum(n), 0) FROM incident_daily_counts WHERE level = 'district' "
                    + "AND day >= '2008-01-01' AND day < '2009-01-01'"))
                    .isEqualTo(count("SELECT count(*) FROM incidents_with_units WHERE import_id = ? AND EXISTS "
                            + "(SELECT 1 FROM unnest(unit_path) u WHERE u LIKE 'district:%')", id))
                    .isPositive();
            Instant cleaned = Instant.now().plusSeconds(30);
            while (count("SELECT count(*) FROM incident_import_chunks WHERE import_id = ?", id)
                    + count("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", "import-" + id) > 0) {
                assertThat(Instant.now()).as("stored file or execution of import %d left", id).isBefore(cleaned);
                Thread.sleep(100);
            }
            second.stop();
        }
        catch (Throwable t) {
            if (first != null) {
                first.printLog();
            }
            if (second != null) {
                second.printLog();
            }
            throw t;
        }
        finally {
            if (second != null) {
                second.close();
            }
            TestSchedulers.resumeAll();
            // 120,000 rows of 2008 would change the numbers other tests read from the shared database
            jdbc.sql("DELETE FROM incidents WHERE import_id = ?").param(id).update();
            jdbc.sql("DELETE FROM incident_rejects WHERE import_id = ?").param(id).update();
            jdbc.sql("DELETE FROM incident_daily WHERE day >= '2008-01-01' AND day < '2009-01-01'").update();
        }
    }

    /** Waits until the child's import is RUNNING and has reported rows (it is then mid-way); returns its id. */
    private long awaitRunningWithRows(Child child, String idQuery, Object key) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(START_AND_RUN);
        while (true) {
            Long id = jdbc.sql(idQuery).param(key).query(Long.class).list().stream().filter(Objects::nonNull)
                    .findFirst().orElse(null);
            IncidentStore.ImportEntry entry = id == null ? null : store.importEntry(id).orElseThrow();
            if (entry != null && entry.status().equals("RUNNING") && entry.rowsRead() > 0) {
                System.out.printf("ImportCrashTests: child %s reported %,d rows of import %d after %d s%n", child.name,
                        entry.rowsRead(), id, Duration.between(started, Instant.now()).toSeconds());
                return id;
            }
            if (entry != null && !entry.status().equals("RUNNING") && !entry.status().equals("QUEUED")) {
                fail("import %d ended as %s (%s) before it could be killed; is the file too small?", id,
                        entry.status(), entry.message());
            }
            if (!child.process.isAlive()) {
                fail("child %s exited with %d before its import ran", child.name, child.process.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                fail("child %s did not start importing within %s", child.name, START_AND_RUN);
            }
            Thread.sleep(50);
        }
    }

    /** The demo rows again and again with new ids (PREFIX + n) and their dates moved to YEAR. */
    private static Path resampled(Path file, String idPrefix, int year, int rows) throws IOException {
        List<CSVRecord> demo = ChicagoCrimes.rows();
        String headerLine = new String(ChicagoCrimes.bytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        List<String> header = Arrays.asList(headerLine.split(","));
        int idColumn = header.indexOf("ID");
        int dateColumn = header.indexOf("Date");
        int yearColumn = header.indexOf("Year");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader(header.toArray(String[]::new)).get())) {
            for (int n = 0; n < rows; n++) {
                List<String> values = new ArrayList<>(demo.get(n % demo.size()).toList());
                values.set(idColumn, idPrefix + n);
                values.set(dateColumn, values.get(dateColumn).replace("/2015 ", "/" + year + " "));
                values.set(yearColumn, Integer.toString(year));
                csv.printRecord(values);
            }
        }
        return file;
    }

    /**
     * Starts the application in a child JVM on this test's database (so it starts no embedded PostgreSQL of its
     * own), without the demo loader, and with the main classes and libraries but not the test classes (their
     * test configurations would be component-scanned).
     */
    private Child start(String name, List<String> jvmOptions, String... arguments) throws IOException, SQLException {
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            url = meta.getURL();
            user = meta.getUserName();
        }
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).as("the child's class path").contains(Path.of("target", "classes").toString())
                .doesNotContain("test-classes");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dspring.datasource.url=" + url, "-Dspring.datasource.username=" + user,
                "-Dspring.datasource.password=", "-Dspring.datasource.hikari.maximum-pool-size=6",
                "-Dbeatbook.embedded-postgres.enabled=false", "-Dbeatbook.demo.enabled=false",
                // mail as the tests have it (src/test/resources/config), should a child's scheduler send any
                "-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + System.getenv().getOrDefault("GREENMAIL_PORT",
                        "3025")));
        command.addAll(jvmOptions);
        command.add(BeatbookApplication.class.getName());
        command.addAll(List.of(arguments));
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", classPath);
        Child child = new Child(name, builder.start(), log);
        children.add(child);
        return child;
    }

    private record Child(String name, Process process, Path log) implements AutoCloseable {

        /**
         * SIGKILL on Linux: no shutdown hook, no rollback by the application, no goodbye to the database (whose log
         * then says "unexpected EOF on client connection with an open transaction").
         */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child %s killed", name).isTrue();
        }

        /** A normal stop (SIGTERM), killed if it takes too long. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void printLog() {
            try {
                System.err.println("----- child " + name + " (" + log.toAbsolutePath() + ") -----");
                System.err.println(Files.readString(log));
            }
            catch (IOException e) {
                System.err.println("no log of child " + name + ": " + e);
            }
        }
    }
}
