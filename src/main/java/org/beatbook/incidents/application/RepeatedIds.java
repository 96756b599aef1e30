package org.beatbook.incidents.application;

import com.carrotsearch.hppc.LongHashSet;

/**
 * Whether an import's source ids may repeat, worked out while the rows stream: a 64-bit hash of each id goes into a
 * primitive set, and only when a hash comes back (a twin, or one collision in billions) or the set is full does the
 * merge have PostgreSQL look for twins. Most files list each record once, and that search groups the whole file.
 */
final class RepeatedIds {

    /** About 64 MiB of hashes at most; a larger file is simply searched for twins. */
    private static final int MAX_TRACKED = 4_000_000;

    private LongHashSet seen = new LongHashSet();
    private boolean mayRepeat;

    void add(long hash) {
        if (mayRepeat) {
            return;
        }
        if (seen.size() >= MAX_TRACKED || !seen.add(hash)) {
            mayRepeat = true;
            seen = null;
        }
    }

    boolean mayRepeat() {
        return mayRepeat;
    }

    /** FNV-1a over the id's characters. */
    static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int k = 0; k < id.length(); k++) {
            hash = (hash ^ id.charAt(k)) * 0x100000001b3L;
        }
        return hash;
    }
}
