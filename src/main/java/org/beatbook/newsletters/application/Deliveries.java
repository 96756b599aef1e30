package org.beatbook.newsletters.application;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.beatbook.newsletters.persistence.OutboxStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts and schedules the db-scheduler executions that publish and send. The scheduler client is looked up
 * lazily: the scheduler itself depends on the tasks, which depend on this module.
 */
@Component
class Deliveries {

    static final String DELIVER = "newsletter-delivery";
    static final String PUBLISH = "newsletter-publish";
    static final String SWEEP = "newsletter-delivery-sweep";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final OutboxStore outbox;
    private final NewsletterProperties properties;

    Deliveries(ObjectProvider<SchedulerClient> scheduler, OutboxStore outbox, NewsletterProperties properties) {
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.properties = properties;
    }

    /**
     * Senders start once the publishing transaction has committed (before that they would find no rows). Should the
     * process die between the commit and this call, the sweep starts them.
     */
    void startAfterCommit(long issueId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(issueId);
                }
            });
        }
        else {
            start(issueId);
        }
    }

    /** One execution per worker slot and issue; slots that already exist (running or waiting) are left alone. */
    void start(long issueId) {
        SchedulerClient client = scheduler.getObject();
        for (int worker = 0; worker < Math.max(1, properties.delivery().workers()); worker++) {
            client.scheduleIfNotExists(new TaskInstance<>(DELIVER, "issue-" + issueId + "-" + worker, issueId), Instant.now());
        }
    }

    /** Restarts senders of issues with due rows that have none (after a crash, for instance). */
    void sweep() {
        outbox.issuesWithDueRows().forEach(this::start);
    }

    void schedulePublishing(long issueId, Instant at) {
        TaskInstance<Long> instance = new TaskInstance<>(PUBLISH, "issue-" + issueId, issueId);
        if (!scheduler.getObject().scheduleIfNotExists(instance, at)) {
            scheduler.getObject().reschedule(instance, at);
        }
    }

    void cancelPublishing(long issueId) {
        TaskInstance<Long> instance = new TaskInstance<>(PUBLISH, "issue-" + issueId, issueId);
        if (scheduler.getObject().getScheduledExecution(instance).isPresent()) {
            scheduler.getObject().cancel(instance);
        }
    }
}
