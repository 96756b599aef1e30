package org.beatbook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.beatbook.geography.domain.index.BoundaryFixtures;
import org.beatbook.geography.domain.index.GridCoverage;
import org.beatbook.geography.domain.index.SpatialIndex;
import org.beatbook.geography.domain.index.UnitShape;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Point lookups per second on one thread over Chicago's District > Sector > Beat, 30 m tolerance, on 1,000,000
 * precomputed random points (fixed seed): {@code envelope} spreads them over the service area's bounding box
 * (more than half of it is outside the city: lake and suburbs), {@code service-area} keeps only points inside a
 * district, as addresses residents type are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
public class PointLookupBenchmark {

    private static final int POINTS = 1_000_000;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Param({"envelope", "service-area"})
    public String points;

    private SpatialIndex index;
    private List<STRtree> baselineLevels;
    private STRtree districts;
    private double[] latitudes;
    private double[] longitudes;
    private int next;

    @Setup
    public void setUp() {
        List<UnitShape> shapes = BoundaryFixtures.chicago();
        long start = System.nanoTime();
        index = SpatialIndex.build(shapes, 30);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        baselineLevels = baseline(shapes);
        districts = districtLocators(shapes);

        Envelope envelope = new Envelope();
        shapes.forEach(s -> envelope.expandToInclude(s.boundary().getEnvelopeInternal()));
        Random random = new Random(20150101);
        latitudes = new double[POINTS];
        longitudes = new double[POINTS];
        int answeredByGrid = 0;
        for (int i = 0; i < POINTS; ) {
            double lat = envelope.getMinY() + random.nextDouble() * envelope.getHeight();
            double lon = envelope.getMinX() + random.nextDouble() * envelope.getWidth();
            if (points.equals("envelope") || inDistrict(lat, lon)) {
                latitudes[i] = lat;
                longitudes[i] = lon;
                answeredByGrid += index.answeredByGrid(lat, lon) ? 1 : 0;
                i++;
            }
        }
        GridCoverage grid = index.gridCoverage();
        System.out.printf("%nindex build (first, cold JVM): %d ms; grid %d x %d cells of %.1f m: %.1f %% of cells"
                        + " answered, %.1f %% with a plan; %.1f %% of the %s points answered by the grid%n",
                buildMillis, grid.columns(), grid.rows(), grid.cellSizeMeters(), 100 * grid.answeredShare(),
                100.0 * grid.plannedCells() / grid.cells(), 100.0 * answeredByGrid / POINTS, points);
    }

    private int nextPoint() {
        int i = next;
        next = i + 1 == POINTS ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Placement gridLocate() {
        int i = nextPoint();
        return index.locate(latitudes[i], longitudes[i]);
    }

    @Benchmark
    public Placement exactLocate() {
        int i = nextPoint();
        return index.locateExact(latitudes[i], longitudes[i]);
    }

    /** What a straightforward implementation does: STRtree per level and {@code Geometry.covers}, no tolerance. */
    @Benchmark
    public List<UnitRef> baselineStrtreeCovers() {
        int i = nextPoint();
        return baselineLocate(latitudes[i], longitudes[i]);
    }

    private List<UnitRef> baselineLocate(double latitude, double longitude) {
        Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
        List<UnitRef> units = new ArrayList<>(baselineLevels.size());
        for (STRtree level : baselineLevels) {
            for (Object item : level.query(point.getEnvelopeInternal())) {
                UnitShape shape = (UnitShape) item;
                if (shape.boundary().covers(point)) {
                    units.add(shape.unit());
                    break;
                }
            }
        }
        return units;
    }

    private boolean inDistrict(double latitude, double longitude) {
        Coordinate point = new Coordinate(longitude, latitude);
        return districts.query(new Envelope(point)).stream()
                .anyMatch(locator -> ((IndexedPointInAreaLocator) locator).locate(point) != Location.EXTERIOR);
    }

    private static STRtree districtLocators(List<UnitShape> shapes) {
        STRtree tree = new STRtree();
        shapes.stream().filter(s -> s.depth() == 0).forEach(s ->
                tree.insert(s.boundary().getEnvelopeInternal(), new IndexedPointInAreaLocator(s.boundary())));
        tree.build();
        return tree;
    }

    private static List<STRtree> baseline(List<UnitShape> shapes) {
        Map<Integer, STRtree> byDepth = new TreeMap<>();
        for (UnitShape shape : shapes) {
            byDepth.computeIfAbsent(shape.depth(), d -> new STRtree()).insert(shape.boundary().getEnvelopeInternal(), shape);
        }
        byDepth.values().forEach(STRtree::build);
        return List.copyOf(byDepth.values());
    }
}
