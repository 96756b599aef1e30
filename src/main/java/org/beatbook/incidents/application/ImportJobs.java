package org.beatbook.incidents.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.beatbook.incidents.persistence.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Staff-UI imports as background jobs: the upload is stored in the database and a db-scheduler execution imports
 * it. The import is one transaction, so a crash rolls it back and the revived execution (on this or another node)
 * runs it again from the start. The stored file is deleted when the job ends; the journal entry keeps the report.
 */
@Service
public class ImportJobs {

    static final String TASK = "incident-import";
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Set<String> WAITING = Set.of("QUEUED", "RUNNING");

    private final ObjectProvider<SchedulerClient> scheduler;
    private final IncidentStore store;
    private final IncidentImporter importer;

    ImportJobs(ObjectProvider<SchedulerClient> scheduler, IncidentStore store, IncidentImporter importer) {
        this.scheduler = scheduler;
        this.store = store;
        this.importer = importer;
    }

    /** Stores the upload and starts its job; returns the import's id for its status page. */
    public long submit(String profile, String fileName, InputStream csv, boolean feedGazetteer) throws IOException {
        long id = store(profile, fileName, csv, feedGazetteer);
        start(id);
        return id;
    }

    /** Stores the upload without starting its job. */
    public long store(String profile, String fileName, InputStream csv, boolean feedGazetteer) throws IOException {
        long id = store.queueImport(profile, fileName, feedGazetteer);
        try {
            store.storeFile(id, csv);
            return id;
        }
        catch (IOException | RuntimeException e) {
            store.deleteStoredFile(id);
            store.finishFailed(id, "The upload could not be stored: " + e.getMessage(), 0);
            throw e;
        }
    }

    public void start(long importId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, "import-" + importId, importId),
                Instant.now());
    }

    /** After a start: jobs of stored files whose execution was never created (a crash right after the upload). */
    void resume() {
        store.importsWithStoredFile().forEach(this::start);
    }

    /** The job. It never throws: a failed run is marked FAILED with its reason, and is not retried. */
    void run(long importId) {
        IncidentStore.ImportEntry entry = store.importEntry(importId).orElse(null);
        if (entry == null) {
            return;
        }
        try {
            // Finished already: the process stopped after the import's commit but before its execution was removed.
            if (WAITING.contains(entry.status())) {
                try (InputStream in = store.storedFile(importId, entry.bytesTotal())) {
                    importer.runStored(entry, in);
                }
            }
        }
        catch (IOException e) {
            store.finishFailed(importId, "The stored file could not be read: " + e.getMessage(), 0);
        }
        catch (RuntimeException e) {
            // The importer has already marked the entry FAILED; its transaction was rolled back.
            log.warn("Background import {} of {} failed: {}", importId, entry.fileName(), e.getMessage());
        }
        finally {
            store.deleteStoredFile(importId);
        }
    }
}
