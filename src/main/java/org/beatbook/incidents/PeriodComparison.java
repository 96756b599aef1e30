package org.beatbook.incidents;

/** A count for a period against the same period a year earlier. */
public record PeriodComparison(long current, long previous) {

    public long change() {
        return current - previous;
    }

    /** Percentage change, or null when the earlier period had none (no meaningful percentage). */
    public Double percent() {
        return previous == 0 ? null : Math.round(1000.0 * (current - previous) / previous) / 10.0;
    }
}
