package org.beatbook.newsletters.domain;

/** Delivery of one issue so far. */
public record Progress(long sent, long pending, long failed) {

    public long total() {
        return sent + pending + failed;
    }

    /** Share of recipients dealt with (sent or given up), 100 when there was nobody to send to. */
    public int percent() {
        return total() == 0 ? 100 : (int) ((sent + failed) * 100 / total());
    }

    public boolean done() {
        return pending == 0;
    }
}
