package org.beatbook.engagement.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code limit} events per key within any {@code window} (in memory: per instance, forgotten on restart,
 * which is enough to slow bots down).
 */
public final class SlidingWindowLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    public SlidingWindowLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records the event and returns true when the key is within its limit; refused events are not counted. */
    public synchronized boolean tryAcquire(String key) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        if (events.size() > 10_000) {
            forgetBefore(horizon);
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Keeps memory bounded when many keys (addresses, IPs) pass through. */
    private void forgetBefore(Instant horizon) {
        for (Iterator<Deque<Instant>> it = events.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(horizon)) {
                it.remove();
            }
        }
    }
}
