package org.beatbook.incidents.application;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geography.BoundariesChanged;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitLocator;
import org.beatbook.incidents.persistence.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places every incident again after a level's boundaries changed, as a db-scheduler job: one execution at a time
 * (a single task instance), revived after a crash. It reads and writes in batches of ids, each its own transaction,
 * then recounts the days whose incidents moved in one transaction, so trends show the old counts until then.
 */
@Service
class Replacements {

    static final String TASK = "incident-replacement";
    static final String SWEEP = "incident-replacement-sweep";
    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Replacements.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final IncidentStore store;
    private final UnitLocator locator;
    private final UnitCatalogue catalogue;
    private final AddressGeocoder geocoder;
    private final TransactionTemplate transaction;

    Replacements(ObjectProvider<SchedulerClient> scheduler, IncidentStore store, UnitLocator locator,
                 UnitCatalogue catalogue, AddressGeocoder geocoder, TransactionTemplate transaction) {
        this.scheduler = scheduler;
        this.store = store;
        this.locator = locator;
        this.catalogue = catalogue;
        this.geocoder = geocoder;
        this.transaction = transaction;
    }

    /**
     * Within the boundary import's own transaction: the request is written if and only if the boundaries are, so a
     * crash right after their commit cannot lose it (the sweep starts the job for a waiting request).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void request(BoundariesChanged changed) {
        store.requestReplacement(changed.level());
    }

    /** After the geography's commit, and after its locator has the new boundaries (it listens first). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(BoundariesChanged changed) {
        start();
    }

    /** Starts the job unless it exists; a request it missed (made as it finished) is started by the sweep. */
    void start() {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, "all"), Instant.now());
    }

    void sweep() {
        if (store.replacementWaiting()) {
            start();
        }
    }

    /** The job: runs until no request waits, so changes made while it ran are applied too. */
    void run() {
        for (List<Long> requests = store.claimReplacements(); !requests.isEmpty();
             requests = store.claimReplacements()) {
            // The request commits with the boundaries, so this may run before the locator's own after-commit
            // rebuild (or, after a crash, its first one): place with an index built from what is stored now.
            locator.refresh();
            // A failure leaves the requests RUNNING for the retry; committed batches stay, their days noted.
            IncidentStore.Replaced replaced = replaceAll();
            store.finishReplacements(requests, replaced.incidents(), replaced.moved());
            log.info("Re-placement after boundary changes: {} incidents, {} moved", replaced.incidents(),
                    replaced.moved());
        }
    }

    private IncidentStore.Replaced replaceAll() {
        Placer placer = new Placer(locator, catalogue, geocoder);
        IncidentStore.Replaced total = new IncidentStore.Replaced(0, 0);
        var range = store.idRange();
        if (range.isPresent()) {
            for (long from = range.get().first(); from <= range.get().last(); from += BATCH) {
                long start = from;
                total = total.plus(transaction.execute(s -> store.replaceBatch(start, start + BATCH,
                        placer::placeAgain)));
            }
        }
        store.rebuildReplacedDays();
        return total;
    }
}
