package org.beatbook.incidents.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The daily counts of an import's incidents, tallied while the rows stream: per unit of each incident's path and
 * city-wide, per day and kind, exactly as {@code incident_daily} counts them. Not thread-safe: one per worker, added
 * together at the end.
 * <p>
 * A row costs one long appended to a buffer: its day, kind and path, by number. A full buffer is sorted and folded
 * into the sorted counts so far, so memory grows with the distinct combinations, not with the rows. Only at the end
 * is each count spread over the units of its path, one day and kind at a time in an array indexed by unit. Adding a
 * row to each of its units' counts in a hash map instead cost four cache misses per row, a sixth of the workers' time.
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
    private static final int PATH_BITS = 20;
    /** Units are not part of the keys; this bounds the arrays indexed by unit that spread the counts. */
    private static final int UNIT_BITS = 20;
    private static final int DAY_BITS = 23;
    private static final int KIND_BITS = 64 - PATH_BITS - DAY_BITS;
    /** Days count from the year 0, so a key's top bit stays clear and keys sort as plain longs. */
    private static final long DAY_OFFSET = -LocalDate.of(0, 1, 1).toEpochDay();
    private static final int MEMO_LIMIT = 10_000;
    /** Rows buffered before the first fold; later the buffer may grow to half the counts, so folding stays linear. */
    private static final int MIN_BUFFER = 1 << 16;

    /**
     * How tallies number paths, units and kinds. Tallies that share one (the workers of an import) have the same keys
     * for the same counts, so adding one to another is a plain merge. Thread-safe.
     */
    public static final class Numbers {
        private final Numbering<String> units = new Numbering<>(UNIT_BITS, "units");
        private final Numbering<Kind> kinds = new Numbering<>(KIND_BITS, "kinds of incident");
        private final Numbering<List<String>> paths = new Numbering<>(PATH_BITS, "unit paths");
        /** The units of each path, by number, the city's last; listed before the path's number is handed out. */
        private final List<int[]> pathUnits = new CopyOnWriteArrayList<>();

        private int pathId(List<String> path) {
            return paths.idOf(path, id -> {
                int[] units = new int[path.size() + 1];
                for (int k = 0; k < path.size(); k++) {
                    units[k] = this.units.idOf(path.get(k));
                }
                units[path.size()] = this.units.idOf(CITY);
                pathUnits.add(units);
            });
        }
    }

    private final Numbers numbers;
    private final IdentityMemo<List<String>, Integer> pathIds = new IdentityMemo<>(MEMO_LIMIT);
    private final IdentityMemo<Classification, Integer> kindIds = new IdentityMemo<>(MEMO_LIMIT);
    private final IdentityMemo<Classification, Integer> sensitiveKindIds = new IdentityMemo<>(MEMO_LIMIT);
    /** Rows not folded yet, as keys: day, kind, path. */
    private long[] buffer = new long[MIN_BUFFER];
    private int buffered;
    /** The folded counts: distinct keys in ascending order and the number of rows of each. */
    private long[] keys = new long[0];
    private int[] rows = new int[0];
    /** The counts spread over units, made when first asked for and dropped when more rows come. */
    private ByUnit byUnit;

    public DailyTally() {
        this(new Numbers());
    }

    public DailyTally(Numbers numbers) {
        this.numbers = numbers;
    }

    /** Counts a staged incident on its day, in every unit of its path and city-wide. */
    public void count(StagedIncident incident) {
        if (buffered == buffer.length) {
            fold();
        }
        // Placers hand out the same path object for the same units, and the classifier the same classification for
        // the same code: both are numbered by identity first, which costs no hashing of strings.
        long day = day(incident.row().occurredOn().toEpochDay());
        int path = pathIds.computeIfAbsent(incident.unitPath(), numbers::pathId);
        buffer[buffered++] = (day << KIND_BITS | kindId(incident.classification(), incident.sensitive())) << PATH_BITS
                | path;
        byUnit = null;
    }

    private int kindId(Classification c, boolean sensitive) {
        return (sensitive ? sensitiveKindIds : kindIds).computeIfAbsent(c, k -> numbers.kinds.idOf(
                new Kind(k.category().key(), k.offense(), k.priority() == null ? "" : k.priority().key(), sensitive)));
    }

    /** Adds another tally's counts to this one; both must share their {@link Numbers}. */
    public void addAll(DailyTally other) {
        if (other.numbers != numbers) {
            throw new IllegalArgumentException("Only tallies that share their numbers add up");
        }
        fold();
        other.fold();
        merge(other.keys, other.rows, other.keys.length);
        byUnit = null;
    }

    /** How many rows {@link #forEach} gives. */
    public int size() {
        return byUnit().n.length;
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
        ByUnit counts = byUnit();
        int[] unitAt = IntStream.range(0, counts.start.length - 1).boxed()
                .sorted(Comparator.comparingInt(u -> unitOrder[u])).mapToInt(Integer::intValue).toArray();
        for (int unit : unitAt) {
            for (int k = counts.start[unit]; k < counts.start[unit + 1]; k++) {
                long dayAndKind = counts.dayAndKind[k];
                each.accept(unit, (dayAndKind >>> KIND_BITS) - DAY_OFFSET, (int) (dayAndKind & mask(KIND_BITS)),
                        counts.n[k]);
            }
        }
    }

    /** The days counted, as epoch days, each once and in order. */
    public long[] epochDays() {
        fold();
        return Arrays.stream(keys).map(key -> (key >>> (KIND_BITS + PATH_BITS)) - DAY_OFFSET).distinct().toArray();
    }

    /** Sorts the buffered rows and merges them, one count per key, into the counts so far. */
    private void fold() {
        if (buffered == 0) {
            return;
        }
        Arrays.sort(buffer, 0, buffered);
        int distinct = 0;
        int[] n = new int[buffered];
        for (int k = 0; k < buffered; k++) {
            if (distinct > 0 && buffer[distinct - 1] == buffer[k]) {
                n[distinct - 1]++;
            }
            else {
                buffer[distinct] = buffer[k];
                n[distinct++] = 1;
            }
        }
        buffered = 0;
        merge(buffer, n, distinct);
        int wanted = Math.max(MIN_BUFFER, keys.length / 2);
        if (buffer.length < wanted) {
            buffer = new long[wanted];
        }
    }

    /** Merges sorted distinct keys with their counts into the counts so far. */
    private void merge(long[] moreKeys, int[] moreRows, int more) {
        long[] mergedKeys = new long[keys.length + more];
        int[] mergedRows = new int[mergedKeys.length];
        int a = 0;
        int b = 0;
        int m = 0;
        while (a < keys.length || b < more) {
            if (b == more || a < keys.length && keys[a] < moreKeys[b]) {
                mergedKeys[m] = keys[a];
                mergedRows[m++] = rows[a++];
            }
            else if (a == keys.length || moreKeys[b] < keys[a]) {
                mergedKeys[m] = moreKeys[b];
                mergedRows[m++] = moreRows[b++];
            }
            else {
                mergedKeys[m] = keys[a];
                mergedRows[m++] = Math.addExact(rows[a++], moreRows[b++]);
            }
        }
        // Trimmed only when keys met on both sides made the merge shorter.
        keys = m == mergedKeys.length ? mergedKeys : Arrays.copyOf(mergedKeys, m);
        rows = m == mergedRows.length ? mergedRows : Arrays.copyOf(mergedRows, m);
    }

    /**
     * The counts of each unit, in ascending order of day and kind, units by number: {@code start[u]} to
     * {@code start[u + 1]} are unit u's.
     */
    private record ByUnit(int[] start, long[] dayAndKind, int[] n) {
    }

    private ByUnit byUnit() {
        if (byUnit == null) {
            fold();
            int units = numbers.units.size();
            // Twice over the counts: first to size each unit's share, then to fill it in.
            int[] start = new int[units + 1];
            spread((unit, dayAndKind, n) -> start[unit + 1]++);
            for (int u = 0; u < units; u++) {
                start[u + 1] += start[u];
            }
            int[] next = Arrays.copyOf(start, units);
            long[] dayAndKinds = new long[start[units]];
            int[] ns = new int[start[units]];
            spread((unit, dayAndKind, n) -> {
                dayAndKinds[next[unit]] = dayAndKind;
                ns[next[unit]++] = n;
            });
            byUnit = new ByUnit(start, dayAndKinds, ns);
        }
        return byUnit;
    }

    private interface UnitCount {
        void accept(int unit, long dayAndKind, int n);
    }

    /** Each unit's count per day and kind, days and kinds in ascending order. */
    private void spread(UnitCount each) {
        int[][] paths = numbers.pathUnits.toArray(new int[0][]);
        int[] sums = new int[numbers.units.size()];
        int[] touched = new int[sums.length];
        int k = 0;
        while (k < keys.length) {
            long dayAndKind = keys[k] >>> PATH_BITS;
            int count = 0;
            // the rows of one day and kind, path by path
            for (; k < keys.length && keys[k] >>> PATH_BITS == dayAndKind; k++) {
                for (int unit : paths[(int) (keys[k] & mask(PATH_BITS))]) {
                    if (sums[unit] == 0) {
                        touched[count++] = unit;
                    }
                    sums[unit] = Math.addExact(sums[unit], rows[k]);
                }
            }
            for (int t = 0; t < count; t++) {
                each.accept(touched[t], dayAndKind, sums[touched[t]]);
                sums[touched[t]] = 0;
            }
        }
    }

    /** A day as an unsigned field below the key's top bit; any date the parsers accept (years 0 to 9999) fits. */
    private static long day(long epochDay) {
        long day = epochDay + DAY_OFFSET;
        if (day < 0 || day > mask(DAY_BITS - 1)) {
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
     * nothing; a value is listed, and what goes with it recorded, before its number is handed out.
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
            return idOf(value, none -> { });
        }

        int idOf(T value, IntConsumer whenNew) {
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
                    whenNew.accept(id);
                    values.add(value);
                    ids.put(value, id);
                }
                return id;
            }
        }

        int size() {
            return values.size();
        }
    }
}
