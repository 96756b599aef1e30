package org.beatbook.incidents.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit lists (unit paths, source labels) that incidents name by key (see migration V13): each list's key as the
 * database function {@code incident_unit_list_key} computes it, remembered for the lists met, which are added to
 * {@code incident_unit_lists} before the incidents naming them are committed. Thread-safe: an import's workers share
 * one.
 */
final class UnitLists {

    private final Map<List<String>, Long> keys = new ConcurrentHashMap<>();

    /** The list's key; the list is remembered for {@link #store}. */
    long keyOf(List<String> units) {
        Long known = keys.get(units);
        if (known != null) {
            return known;
        }
        return keys.computeIfAbsent(List.copyOf(units), UnitLists::key);
    }

    /**
     * Adds the lists met that are not stored yet, in the caller's transaction, and checks that no other list has the
     * same key (a chance of one in billions over millions of lists, but then the import is refused, not corrupted).
     */
    void store(Connection connection) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<List<String>> lists = new ArrayList<>(keys.keySet());
        Long[] wanted = lists.stream().map(keys::get).toArray(Long[]::new);
        try (PreparedStatement add = connection.prepareStatement("INSERT INTO incident_unit_lists (key, units) "
                + "VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
            for (int k = 0; k < lists.size(); k++) {
                add.setLong(1, wanted[k]);
                add.setArray(2, connection.createArrayOf("text", lists.get(k).toArray()));
                add.addBatch();
            }
            add.executeBatch();
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT key, units FROM incident_unit_lists "
                + "WHERE key = ANY(?)")) {
            read.setArray(1, connection.createArrayOf("bigint", wanted));
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    List<String> stored = Arrays.asList((String[]) r.getArray(2).getArray());
                    Long mine = keys.get(stored);
                    if (mine == null || mine != r.getLong(1)) {
                        throw new IllegalStateException("Two unit lists have the key " + r.getLong(1) + ": "
                                + stored + " and one of this import's");
                    }
                }
            }
        }
    }

    /** The first 8 bytes of the SHA-256 of the elements, each in UTF-8 followed by a zero byte. */
    static long key(List<String> units) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        for (String unit : units) {
            sha256.update(unit.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }
}
