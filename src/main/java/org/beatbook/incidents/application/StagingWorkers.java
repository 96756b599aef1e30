package org.beatbook.incidents.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.beatbook.incidents.domain.DailyTally;
import org.beatbook.incidents.domain.RowParser;
import org.beatbook.incidents.domain.SourceIds;
import org.beatbook.incidents.domain.StagedIncident;
import org.beatbook.incidents.persistence.CopyBinary;
import org.beatbook.incidents.persistence.ImportSession;

/**
 * Parses, classifies and places an import's rows on every core while the importing thread reads the CSV and streams
 * finished rows into the import session, telling it which rows hold an id surely met for the first time. Batches come back in file order with at most two per worker in flight, so
 * memory stays flat and rejects are reported in line order. Each worker thread gets its own {@link RowStager} (row
 * parsers and placers are not thread-safe) and its own {@link DailyTally} of the rows it staged.
 */
final class StagingWorkers implements AutoCloseable {

    /** Turns one CSV record into an incident ready to stage, or rejects it. */
    interface RowStager {
        StagedIncident stage(long line, List<String> values) throws RowParser.RejectedRow;
    }

    private record Rejected(long line, String reason) {
    }

    /** @param ends where each staged row ends in rows; @param ids the hashes of their source ids */
    private record Chunk(byte[] rows, int[] ends, int staged, long[] ids, List<Rejected> rejected) {
    }

    /** Rows per batch: enough to make the hand-over cheap, few enough to keep memory flat. */
    private static final int BATCH = 1_000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ImportSession session;
    private final ExecutorService pool;
    private final ThreadLocal<RowStager> stagers;
    private final ThreadLocal<CopyBinary> outputs = ThreadLocal.withInitial(CopyBinary::new);
    private final List<DailyTally> tallies = new CopyOnWriteArrayList<>();
    private final DailyTally.Numbers numbers = new DailyTally.Numbers();
    private final ThreadLocal<DailyTally> tally = ThreadLocal.withInitial(() -> {
        DailyTally mine = new DailyTally(numbers);
        tallies.add(mine);
        return mine;
    });
    private final Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private long[] lines = new long[BATCH];
    private List<List<String>> batch = new ArrayList<>(BATCH);
    private final RepeatedIds repeatedIds = new RepeatedIds();
    private long staged;
    private long rejected;

    StagingWorkers(ImportSession session, int threads, Supplier<RowStager> perThread) {
        this.session = session;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "incident-import-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.stagers = ThreadLocal.withInitial(perThread);
        this.maxInFlight = 2 * threads;
    }

    /** Adds a record; writes out finished batches, waiting when too many are in flight. */
    void add(long line, List<String> values) {
        lines[batch.size()] = line;
        batch.add(values);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Stages what is left and waits for every batch. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            write(inFlight.removeFirst());
        }
    }

    long staged() {
        return staged;
    }

    /** Whether a source id may have been staged twice, once {@link #finish()} has returned. */
    boolean idsMayRepeat() {
        return repeatedIds.mayRepeat();
    }

    /** The daily counts of every row staged, once {@link #finish()} has returned: the workers' tallies added up. */
    DailyTally tally() {
        DailyTally all = new DailyTally(numbers);
        tallies.forEach(all::addAll);
        return all;
    }

    /** Rows rejected so far (of the batches written out). */
    long rejected() {
        return rejected;
    }

    private void submit() {
        long[] theLines = lines;
        List<List<String>> theValues = batch;
        inFlight.addLast(pool.submit(() -> stage(theLines, theValues)));
        lines = new long[BATCH];
        batch = new ArrayList<>(BATCH);
        while (inFlight.size() >= maxInFlight) {
            write(inFlight.removeFirst());
        }
    }

    private Chunk stage(long[] theLines, List<List<String>> values) {
        RowStager stager = stagers.get();
        CopyBinary out = outputs.get();
        DailyTally counts = tally.get();
        List<Rejected> rejects = new ArrayList<>();
        long[] ids = new long[values.size()];
        int[] ends = new int[values.size()];
        int done = 0;
        for (int k = 0; k < values.size(); k++) {
            try {
                StagedIncident incident = stager.stage(theLines[k], values.get(k));
                session.append(out, incident);
                counts.count(incident);
                ends[done] = out.length();
                ids[done++] = SourceIds.hash(incident.row().sourceId());
            }
            catch (RowParser.RejectedRow bad) {
                rejects.add(new Rejected(theLines[k], bad.getMessage()));
            }
        }
        return new Chunk(out.take(), ends, done, ids, rejects);
    }

    private void write(Future<Chunk> pending) {
        Chunk chunk;
        try {
            chunk = pending.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        boolean[] fresh = new boolean[chunk.staged()];
        for (int k = 0; k < chunk.staged(); k++) {
            // Every id goes through the repeat check, in file order.
            fresh[k] = repeatedIds.firstSighting(chunk.ids()[k]) && !session.mayBeStored(chunk.ids()[k]);
        }
        session.stage(chunk.rows(), chunk.ends(), fresh, chunk.staged());
        staged += chunk.staged();
        for (Rejected r : chunk.rejected()) {
            session.reject(r.line(), r.reason());
            rejected++;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
