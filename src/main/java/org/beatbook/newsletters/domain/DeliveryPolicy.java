package org.beatbook.newsletters.domain;

import java.time.Duration;

/**
 * What to do when SMTP refuses a message: 5xx is permanent (recorded as a hard bounce, never retried); anything
 * else (4xx, a dropped connection, a timeout) is retried with exponential backoff until {@code maxAttempts}.
 */
public record DeliveryPolicy(int maxAttempts, Duration firstRetry, Duration maxRetry) {

    public enum Outcome { RETRY, FAIL, BOUNCE }

    /**
     * @param smtpCode the server's reply code, or 0 when there was none (connection problem)
     * @param attemptsSoFar attempts made including this one
     */
    public Outcome afterFailure(int smtpCode, int attemptsSoFar) {
        if (smtpCode >= 500 && smtpCode < 600) {
            return Outcome.BOUNCE;
        }
        return attemptsSoFar >= maxAttempts ? Outcome.FAIL : Outcome.RETRY;
    }

    /** first, 2×first, 4×first, ... capped. */
    public Duration backoff(int attemptsSoFar) {
        int doublings = Math.min(Math.max(attemptsSoFar - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
