package org.beatbook.newsletters.application;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code beatbook.newsletters.*}: the zone staff schedule in, and how fast and how persistently mail goes out.
 *
 * @param zone the time zone of the "publish at" field
 * @param delivery sending settings
 */
@ConfigurationProperties("beatbook.newsletters")
public record NewsletterProperties(@DefaultValue("America/Chicago") ZoneId zone, @DefaultValue Delivery delivery) {

    /**
     * @param ratePerSecond most messages per second from this process, 0 for no limit (the SMTP provider's limit)
     * @param workers parallel senders per issue (each a db-scheduler execution, so at most db-scheduler.threads)
     * @param maxAttempts attempts before a message that keeps failing temporarily is given up
     * @param firstRetry wait after the first temporary failure; doubles each time
     * @param maxRetry the longest wait between attempts
     * @param batchSize outbox rows written per database round trip while publishing
     * @param claimBatch rows claimed and marked per transaction: 1 keeps the crash window to one message per
     *                   sender; more is faster but a crash may repeat up to that many messages per sender
     * @param sweep how often to check that every issue with due messages has senders (after a crash, for instance)
     */
    public record Delivery(@DefaultValue("10") double ratePerSecond, @DefaultValue("2") int workers,
                           @DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
                           @DefaultValue("6h") Duration maxRetry, @DefaultValue("1000") int batchSize,
                           @DefaultValue("1") int claimBatch,
                           @DefaultValue("1m") Duration sweep) {
    }
}
