package org.beatbook.incidents.domain;

/**
 * 64-bit hashes of source ids, kept in primitive sets to tell cheaply that an id is surely not among others (stored
 * ones, or earlier lines of the same file). Equal hashes only say "maybe": the database has the last word.
 */
public final class SourceIds {

    private SourceIds() {
    }

    /** FNV-1a over the id's characters. */
    public static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int k = 0; k < id.length(); k++) {
            hash = (hash ^ id.charAt(k)) * 0x100000001b3L;
        }
        return hash;
    }
}
