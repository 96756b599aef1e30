package org.beatbook.newsletters.domain;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces sends evenly to at most {@code perSecond} across all workers of this process (0 = unlimited), so a
 * provider's rate limit is respected without bursts.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier clock;
    private long nextFree;

    public RateLimiter(double perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(double perSecond, LongSupplier clock) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.clock = clock;
        this.nextFree = clock.getAsLong();
    }

    /** Nanoseconds the caller must wait before its send; reserves the slot. */
    public synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long slot = Math.max(now, nextFree);
        nextFree = slot + intervalNanos;
        return slot - now;
    }

    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
