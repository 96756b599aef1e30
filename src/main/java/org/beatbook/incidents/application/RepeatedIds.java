package org.beatbook.incidents.application;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Whether an import's source ids may repeat, worked out while the rows stream in file order: a hash of each id (see
 * {@link org.beatbook.incidents.domain.SourceIds}) goes into a primitive set. Only when a hash comes back (a twin, or
 * one collision in billions) or the set is full does the merge have PostgreSQL look for twins: most files list each
 * record once, and that search groups the whole file.
 */
final class RepeatedIds {

    /** About 64 MiB of hashes at most; past that every id may repeat. */
    private static final int MAX_TRACKED = 4_000_000;

    private LongHashSet seen = new LongHashSet();
    private boolean mayRepeat;

    /** Records the file's next id; true when it surely appears for the first time. */
    boolean firstSighting(long hash) {
        if (seen != null && seen.size() >= MAX_TRACKED) {
            seen = null;
        }
        if (seen == null || !seen.add(hash)) {
            mayRepeat = true;
            return false;
        }
        return true;
    }

    boolean mayRepeat() {
        return mayRepeat;
    }
}
