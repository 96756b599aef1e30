package org.beatbook.incidents.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;

/**
 * The daily counts of an import's incidents, tallied while the rows stream: per unit of each incident's path and
 * city-wide, per day and kind, exactly as {@code incident_daily} counts them. Each count's unit, day and kind are
 * packed into one long in a primitive map, so memory grows with the distinct combinations (bounded by units x days x
 * kinds), not with the rows. Not thread-safe: one per worker, added together at the end.
 */
public final class DailyTally {

    /** What the daily counts tell apart besides unit and day; priority is "" when there is none. */
    public record Kind(String category, String offense, String priority, boolean sensitive) {
    }

    /**
     * One count as a row of {@code incident_daily}: its unit and kind by the tally's numbers ({@link #units()},
     * {@link #kinds()}); may throw what its writer throws.
     */
    public interface Count<E extends Exception> {
        void accept(int unit, long epochDay, int kind, int n) throws E;
    }

    /** The city-wide count's path element, as the recount in SQL writes it. */
    private static final String CITY = "city:all";
    private static final int UNIT_BITS = 20;
    private static final int DAY_BITS = 23;
    private static final int KIND_BITS = 64 - UNIT_BITS - DAY_BITS;
    private static final long DAY_OFFSET = 1L << (DAY_BITS - 1);
    private static final int MEMO_LIMIT = 10_000;

    /**
     * How tallies number units and kinds in their keys. Tallies that share one (the workers of an import) have the
     * same keys for the same counts, so adding one to another is a plain sum: re-keying every count of one worker
     * cost the import a third of a second per million rows, on one thread, between its reading and its commit.
     * Thread-safe.
     */
    public static final class Numbers {
        private final Numbering<String> units = new Numbering<>(UNIT_BITS, "units");
        private final Numbering<Kind> kinds = new Numbering<>(KIND_BITS, "kinds of incident");
    }

    private final Numbers numbers;
    private final LongIntHashMap counts = new LongIntHashMap();
    private final IdentityMemo<List<String>, long[]> pathKeys = new IdentityMemo<>(MEMO_LIMIT);
    private final IdentityMemo<Classification, Integer> kindIds = new IdentityMemo<>(MEMO_LIMIT);
    private final IdentityMemo<Classification, Integer> sensitiveKindIds = new IdentityMemo<>(MEMO_LIMIT);

    public DailyTally() {
        this(new Numbers());
    }

    public DailyTally(Numbers numbers) {
        this.numbers = numbers;
    }

    /** Counts a staged incident on its day, in every unit of its path and city-wide. */
    public void count(StagedIncident incident) {
        long dayAndKind = day(incident.row().occurredOn().toEpochDay()) << KIND_BITS
                | kindId(incident.classification(), incident.sensitive());
        for (long unit : unitKeys(incident.unitPath())) {
            counts.addTo(unit | dayAndKind, 1);
        }
    }

    /**
     * The keys of a path's units and the city's. Placers hand out the same path object for the same units, and the
     * classifier the same classification for the same code, so both are remembered by identity first: hashing
     * strings for every row cost as much as the counting.
     */
    private long[] unitKeys(List<String> path) {
        return pathKeys.computeIfAbsent(path, p -> {
            long[] keys = new long[p.size() + 1];
            for (int k = 0; k < p.size(); k++) {
                keys[k] = unitKey(p.get(k));
            }
            keys[p.size()] = unitKey(CITY);
            return keys;
        });
    }

    private int kindId(Classification c, boolean sensitive) {
        return (sensitive ? sensitiveKindIds : kindIds).computeIfAbsent(c, k -> kindId(new Kind(k.category().key(),
                k.offense(), k.priority() == null ? "" : k.priority().key(), sensitive)));
    }

    /** Adds another tally's counts to this one. */
    public void addAll(DailyTally other) {
        if (other.numbers == numbers) {
            for (LongIntCursor entry : other.counts) {
                counts.addTo(entry.key, entry.value);
            }
            return;
        }
        for (LongIntCursor entry : other.counts) {
            long key = entry.key;
            int kind = kindId(other.numbers.kinds.get((int) (key & mask(KIND_BITS))));
            counts.addTo(unitKey(other.numbers.units.get(unitOf(key))) | dayOf(key) << KIND_BITS | kind, entry.value);
        }
    }

    /** How many rows {@link #forEach} gives. */
    public int size() {
        return counts.size();
    }

    /** The units counted, as level:code, each at the index of its number. */
    public List<String> units() {
        return List.copyOf(numbers.units.values);
    }

    /** The kinds counted, each at the index of its number. */
    public List<Kind> kinds() {
        return List.copyOf(numbers.kinds.values);
    }

    /**
     * Every count, ordered by unit, then day; units in the order of the numbers given them ({@code unitOrder}, by
     * the tally's number): the order of {@code incident_daily}'s index, which PostgreSQL builds faster from sorted
     * rows, and the order queries read the table in.
     */
    public <E extends Exception> void forEach(int[] unitOrder, Count<E> each) throws E {
        int units = numbers.units.size();
        int[] unitAt = IntStream.range(0, units).boxed()
                .sorted(Comparator.comparingInt(u -> unitOrder[u])).mapToInt(Integer::intValue).toArray();
        long[] rank = new long[units];
        for (int r = 0; r < units; r++) {
            rank[unitAt[r]] = r;
        }
        // The keys with each unit's rank in its place sort as plain longs: by unit, day, then kind.
        int unitShift = KIND_BITS + DAY_BITS;
        long dayAndKind = mask(unitShift);
        long[] sorted = new long[counts.size()];
        int k = 0;
        for (LongIntCursor entry : counts) {
            sorted[k++] = rank[unitOf(entry.key)] << unitShift | entry.key & dayAndKind;
        }
        // The database waits for the first row meanwhile: every core sorts.
        Arrays.parallelSort(sorted);
        for (long key : sorted) {
            int unit = unitAt[(int) (key >>> unitShift)];
            each.accept(unit, dayOf(key) - DAY_OFFSET, (int) (key & mask(KIND_BITS)),
                    counts.get((long) unit << unitShift | key & dayAndKind));
        }
    }

    /** The days counted, as epoch days, each once and in order. */
    public long[] epochDays() {
        LongHashSet days = new LongHashSet();
        for (LongIntCursor entry : counts) {
            days.add(dayOf(entry.key) - DAY_OFFSET);
        }
        long[] sorted = days.toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static int unitOf(long key) {
        return (int) (key >>> (KIND_BITS + DAY_BITS));
    }

    private static long dayOf(long key) {
        return key >>> KIND_BITS & mask(DAY_BITS);
    }

    private long unitKey(String unit) {
        return (long) numbers.units.idOf(unit) << (KIND_BITS + DAY_BITS);
    }

    private int kindId(Kind kind) {
        return numbers.kinds.idOf(kind);
    }

    /** A day as an unsigned field; any date the parsers accept (years 0 to 9999) fits with room to spare. */
    private static long day(long epochDay) {
        long day = epochDay + DAY_OFFSET;
        if (day < 0 || day > mask(DAY_BITS)) {
            throw new IllegalArgumentException("The day " + LocalDate.ofEpochDay(epochDay) + " is outside what the daily counts hold");
        }
        return day;
    }

    private static long mask(int bits) {
        return (1L << bits) - 1;
    }

    /**
     * Numbers values in the order first seen, as many as the key's field holds. Thread-safe: tallies call it only for
     * values their identity memos have not met, a few hundred times per import, so numbering new values in turn costs
     * nothing; a value is listed before its number is handed out.
     */
    private static final class Numbering<T> {
        private final Map<T, Integer> ids = new ConcurrentHashMap<>();
        private final List<T> values = new CopyOnWriteArrayList<>();
        private final int bits;
        private final String what;

        Numbering(int bits, String what) {
            this.bits = bits;
            this.what = what;
        }

        int idOf(T value) {
            Integer known = ids.get(value);
            if (known != null) {
                return known;
            }
            synchronized (this) {
                Integer id = ids.get(value);
                if (id == null) {
                    id = values.size();
                    if (id == 1 << bits) {
                        throw new IllegalStateException("More than " + (1 << bits) + " " + what + " to count");
                    }
                    values.add(value);
                    ids.put(value, id);
                }
                return id;
            }
        }

        T get(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }
    }
}
