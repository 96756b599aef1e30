package org.beatbook.bench;

import java.util.List;
import java.util.Random;

import org.beatbook.geography.Placement;
import org.beatbook.geography.domain.index.BoundaryFixtures;
import org.beatbook.geography.domain.index.SpatialIndex;
import org.beatbook.geography.domain.index.UnitShape;
import org.locationtech.jts.geom.Envelope;

/**
 * Runs a given number of grid lookups over the benchmark's random points, for counting instructions with
 * {@code valgrind --tool=callgrind}, which machine load does not change (unlike JMH's lookups/s on a shared machine).
 * Instructions per lookup = (count with N2 lookups - count with N1 lookups) / (N2 - N1), so the build, the JVM's
 * start and most JIT work cancel out. See bench/run-lookup-instructions.sh.
 *
 * <p>Arguments: {@code envelope|service-area} and the number of lookups.
 */
public final class LookupInstructions {

    private static final int POINTS = 1_000_000;

    private LookupInstructions() {
    }

    public static void main(String[] args) {
        String points = args[0];
        long lookups = Long.parseLong(args[1]);
        List<UnitShape> shapes = BoundaryFixtures.chicago();
        SpatialIndex index = SpatialIndex.build(shapes, 30);
        SpatialIndex districts = SpatialIndex.build(shapes.stream().filter(s -> s.depth() == 0).toList(), 0);
        Envelope envelope = new Envelope();
        shapes.forEach(s -> envelope.expandToInclude(s.boundary().getEnvelopeInternal()));
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
        long inside = 0;
        long start = System.nanoTime();
        for (long n = 0; n < lookups; n++) {
            int i = (int) (n % POINTS);
            Placement placement = index.locate(latitudes[i], longitudes[i]);
            inside += placement.units().size();
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("%s: %d lookups, %d units found, %.1f ns per lookup (wall clock, not for comparison)%n",
                points, lookups, inside, lookups == 0 ? 0.0 : (double) nanos / lookups);
    }
}
