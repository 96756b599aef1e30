package org.beatbook.geography.domain.index;

import org.beatbook.geography.domain.LocalProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;

/**
 * Immutable point-lookup index over all units of all levels; build a new one when boundaries change. Safe for
 * concurrent use.
 *
 * <p>{@link #locateExact} answers from STRtrees per level (unit envelopes for indexed point-in-polygon tests,
 * boundary chunks for distances), in metres in a local projection around the service area. {@link #locate} first
 * consults a precomputed grid: cells and sub-cells where the answer is the same everywhere hold that shared answer,
 * those near a boundary hold the few units and boundary pieces to test, those outside every unit the few boundary
 * pieces that can be nearest. Both always give the same answer.
 */
public final class SpatialIndex {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** Alternatives nearest first; equal distances (a shared edge) by level, then code, for a stable order. */
    private static final Comparator<Nearby> NEAREST_FIRST = Comparator.comparingDouble(Nearby::distanceMeters)
            .thenComparingInt(n -> n.unit().depth)
            .thenComparing(Nearby::unit, IndexedUnit.BY_CODE);

    private final double toleranceMeters;
    private final LocalProjection projection;
    /** Top level first. */
    private final List<LevelIndex> levels;
    private final LookupGrid grid;

    private SpatialIndex(double toleranceMeters, LocalProjection projection, List<LevelIndex> levels, LookupGrid grid) {
        this.toleranceMeters = toleranceMeters;
        this.projection = projection;
        this.levels = levels;
        this.grid = grid;
    }

    /**
     * @param shapes every unit of every level; shapes of the same unit at the same depth are merged into one
     * @param toleranceMeters points closer than this to another unit's boundary are "near a boundary"
     * @throws IllegalArgumentException for a negative or non-finite tolerance, or a shape that is not a non-empty
     *         Polygon or MultiPolygon
     */
    public static SpatialIndex build(List<UnitShape> shapes, double toleranceMeters) {
        if (!(toleranceMeters >= 0) || Double.isInfinite(toleranceMeters)) {
            throw new IllegalArgumentException("toleranceMeters must be a finite number >= 0, got " + toleranceMeters);
        }
        Map<Integer, Map<UnitRef, List<Geometry>>> byDepth = new TreeMap<>();
        Envelope lonLatExtent = new Envelope();
        for (UnitShape shape : shapes) {
            Geometry boundary = shape.boundary();
            if (!(boundary instanceof Polygonal) || boundary.isEmpty()) {
                throw new IllegalArgumentException("Unit " + shape.unit().label() + " at depth " + shape.depth()
                        + " needs a non-empty Polygon or MultiPolygon, got "
                        + (boundary == null ? "none" : boundary.getGeometryType()));
            }
            byDepth.computeIfAbsent(shape.depth(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(shape.unit(), u -> new ArrayList<>()).add(boundary);
            lonLatExtent.expandToInclude(boundary.getEnvelopeInternal());
        }
        LocalProjection projection = LocalProjection.around(lonLatExtent);
        List<LevelIndex> levels = new ArrayList<>();
        Envelope extent = new Envelope();
        int[] rank = {0};
        byDepth.forEach((depth, units) -> {
            List<Map.Entry<UnitRef, List<Geometry>>> entries = new ArrayList<>(units.entrySet());
            entries.sort(Map.Entry.comparingByKey(Comparator.comparing(UnitRef::code)
                    .thenComparing(UnitRef::name, Comparator.nullsFirst(Comparator.naturalOrder()))));
            List<IndexedUnit> indexed = new ArrayList<>();
            for (Map.Entry<UnitRef, List<Geometry>> unit : entries) {
                Geometry projected = projection.project(merge(unit.getValue()));
                indexed.add(new IndexedUnit(unit.getKey(), depth, indexed.size(), rank[0]++, projected));
                extent.expandToInclude(projected.getEnvelopeInternal());
            }
            levels.add(new LevelIndex(indexed));
        });
        List<LevelIndex> topFirst = List.copyOf(levels);
        return new SpatialIndex(toleranceMeters, projection, topFirst,
                LookupGrid.build(topFirst, projection, extent, toleranceMeters));
    }

    private static Geometry merge(List<Geometry> parts) {
        return parts.size() == 1 ? parts.get(0) : FACTORY.buildGeometry(parts).union();
    }

    /** Where a point (WGS84 degrees) lies: from the precomputed grid where it can, else as {@link #locateExact}. */
    public Placement locate(double latitude, double longitude) {
        int cell = grid.cell(latitude, longitude);
        if (cell < 0) {
            return locateExact(latitude, longitude);
        }
        Object entry = grid.entry(cell);
        if (entry instanceof Placement precomputed) {
            return precomputed;
        }
        double x = projection.x(longitude);
        double y = projection.y(latitude);
        if (entry instanceof SubGrid subGrid) {
            entry = subGrid.entry(x, y);
            if (entry instanceof Placement precomputed) {
                return precomputed;
            }
        }
        if (entry instanceof NearPlan near) {
            return near.place(x, y, toleranceMeters);
        }
        if (entry instanceof OutsidePlan outside) {
            return outside.place(x, y);
        }
        if (entry instanceof LookupGrid.CellPlan plan) {
            return place(latitude, longitude, plan);
        }
        return locateExact(latitude, longitude);
    }

    /**
     * Where a point (WGS84 degrees) lies, always computed from the polygons and never from the grid: the reference
     * that {@link #locate} must agree with.
     *
     * @throws IllegalArgumentException when the coordinates are not a valid latitude and longitude
     */
    public Placement locateExact(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Not a valid position: latitude " + latitude + " must be within -90..90"
                    + " and longitude " + longitude + " within -180..180");
        }
        return place(latitude, longitude, null);
    }

    /**
     * The exact computation. Given a grid cell's plan, it tests only the plan's candidates, with the cell's row of
     * boundary segments; given null, it searches the trees.
     */
    private Placement place(double latitude, double longitude, LookupGrid.CellPlan plan) {
        Coordinate point = new Coordinate(projection.x(longitude), projection.y(latitude));
        List<List<IndexedUnit>> coveringByLevel = new ArrayList<>(levels.size());
        List<UnitRef> inside = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            List<IndexedUnit> covering;
            if (plan == null) {
                covering = levels.get(i).covering(point);
            } else if (plan.known()[i] != null) {
                covering = List.of(plan.known()[i]); // and no other unit of the level within the tolerance
            } else {
                covering = plan.candidates()[i].covering(point);
            }
            coveringByLevel.add(covering);
            if (!covering.isEmpty()) {
                inside.add(covering.get(0).ref);
            }
        }
        if (inside.isEmpty()) {
            return new Placement(List.of(), false, List.of(), nearestBottomUnit(point));
        }
        // Inside the service area, every level's near units count, also at a level with no unit around the point
        // (a sliver between two beats), so the resident still sees the beats a few metres away.
        List<Nearby> nearby = new ArrayList<>();
        LevelIndex.NearbyConsumer collect = (other, distance) -> nearby.add(new Nearby(other, distance));
        for (int i = 0; i < levels.size(); i++) {
            if (plan == null) {
                levels.get(i).reportNear(point, toleranceMeters, coveringByLevel.get(i), collect);
            } else if (plan.known()[i] == null) {
                plan.candidates()[i].reportNear(point, toleranceMeters, coveringByLevel.get(i), collect);
            }
        }
        nearby.sort(NEAREST_FIRST);
        List<NearbyUnit> alternatives = nearby.stream()
                .map(n -> new NearbyUnit(n.unit().ref, roundToDecimetre(n.distanceMeters()))).toList();
        return new Placement(List.copyOf(inside), !alternatives.isEmpty(), alternatives, Optional.empty());
    }

    private Optional<NearbyUnit> nearestBottomUnit(Coordinate point) {
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(levels.get(levels.size() - 1).nearest(point))
                .map(nearest -> new NearbyUnit(nearest.unit().ref, roundToDecimetre(nearest.distanceMeters())));
    }

    static double roundToDecimetre(double meters) {
        return Math.round(meters * 10) / 10.0;
    }

    public double toleranceMeters() {
        return toleranceMeters;
    }

    /** How much of the envelope the precomputed grid answers; for benchmarks and diagnostics. */
    public GridCoverage gridCoverage() {
        return grid.coverage();
    }

    /** Whether {@link #locate} answers this point with a precomputed answer; for benchmarks and tests. */
    public boolean answeredByGrid(double latitude, double longitude) {
        int cell = grid.cell(latitude, longitude);
        if (cell < 0) {
            return false;
        }
        Object entry = grid.entry(cell);
        if (entry instanceof SubGrid subGrid) {
            entry = subGrid.entry(projection.x(longitude), projection.y(latitude));
        }
        return entry instanceof Placement;
    }

    private record Nearby(IndexedUnit unit, double distanceMeters) {
    }
}
