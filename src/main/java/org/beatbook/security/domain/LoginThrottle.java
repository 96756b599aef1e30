package org.beatbook.security.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a username for a while after too many failed logins in a row, to slow down password guessing. Kept in memory:
 * a restart forgets the counters, which is acceptable for a brake on guessing (not an audit trail).
 */
public final class LoginThrottle {

    /** Bounds the memory an attacker can make us use by trying many different usernames. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration lockTime;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockTime, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockTime = lockTime;
        this.clock = clock;
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.expired(now));
        }
        failures.compute(key(username), (k, previous) -> {
            int count = previous == null || previous.expired(now) ? 1 : previous.count + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockTime) : null, now);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil != null && clock.instant().isBefore(f.lockedUntil);
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Failures in a row; a lock that has run out starts the count afresh, as does a quiet hour. */
    private record Failures(int count, Instant lockedUntil, Instant last) {

        boolean expired(Instant now) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : last.plus(Duration.ofHours(1)).isBefore(now);
        }
    }
}
