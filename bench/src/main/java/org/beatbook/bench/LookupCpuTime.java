package org.beatbook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

import org.beatbook.geography.domain.index.BoundaryFixtures;
import org.beatbook.geography.domain.index.SpatialIndex;
import org.beatbook.geography.domain.index.UnitShape;
import org.locationtech.jts.geom.Envelope;

/**
 * CPU time per grid lookup on one thread, over the same random points as {@link PointLookupBenchmark}: the thread's
 * own CPU time, which time slices lost to other processes on a shared machine do not inflate (wall-clock lookups/s
 * do). Instruction counts would be better still, but this container exposes no hardware counters to perf, and the
 * JVM does not survive valgrind here. Best of several passes over the 1,000,000 points, after warm-up passes.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.beatbook.bench.LookupCpuTime}
 */
public final class LookupCpuTime {

    private static final int POINTS = 1_000_000;
    private static final int PASSES = 12;

    private LookupCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<UnitShape> shapes = BoundaryFixtures.chicago();
        SpatialIndex index = SpatialIndex.build(shapes, 30);
        SpatialIndex districts = SpatialIndex.build(shapes.stream().filter(s -> s.depth() == 0).toList(), 0);
        Envelope envelope = new Envelope();
        shapes.forEach(s -> envelope.expandToInclude(s.boundary().getEnvelopeInternal()));
        for (String points : List.of("envelope", "service-area")) {
            Random random = new Random(20150101);
            double[] latitudes = new double[POINTS];
            double[] longitudes = new double[POINTS];
            for (int i = 0; i < POINTS; ) {
                double lat = envelope.getMinY() + random.nextDouble() * envelope.getHeight();
                double lon = envelope.getMinX() + random.nextDouble() * envelope.getWidth();
                if (points.equals("envelope") || districts.locateExact(lat, lon).insideServiceArea()) {
                    latitudes[i] = lat;
                    longitudes[i] = lon;
                    i++;
                }
            }
            long best = Long.MAX_VALUE;
            long found = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < POINTS; i++) {
                    found += index.locate(latitudes[i], longitudes[i]).units().size();
                }
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
            }
            System.out.printf("%s: %.1f ns CPU per lookup, %.2f M lookups per CPU second (best of %d passes; %d)%n",
                    points, (double) best / POINTS, POINTS * 1e3 / best, PASSES, found);
        }
    }
}
