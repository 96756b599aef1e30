package org.beatbook.incidents.domain;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values remembered by the identity of their key, for the objects an import hands out again and again (shared
 * placements, unit paths, classifications): finding them costs no hashing of strings. Keys made afresh for a single
 * row would pile up, so the memo starts over when it is full. Not thread-safe.
 */
public final class IdentityMemo<K, V> {

    private final Map<K, V> values = new IdentityHashMap<>();
    private final int limit;

    public IdentityMemo(int limit) {
        this.limit = limit;
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
        V value = values.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (values.size() >= limit) {
                values.clear();
            }
            values.put(key, value);
        }
        return value;
    }
}
