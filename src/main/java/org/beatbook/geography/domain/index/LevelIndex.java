package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The units of one level: an STRtree over their envelopes for point-in-polygon tests, and one over their boundary
 * chunks for distances. Immutable once built, safe for concurrent reads.
 */
final class LevelIndex {

    /** {@link #classify} results besides a unit's position in {@link #units}. */
    static final int NONE = -1;
    static final int MIXED = -2;

    /** Distance between a boundary chunk and the query point, whichever side of the pair each is on. */
    private static final ItemDistance CHUNK_DISTANCE = (ItemBoundable a, ItemBoundable b) ->
            a.getItem() instanceof BoundaryChunk chunk
                    ? distance(chunk, (Coordinate) b.getItem())
                    : distance((BoundaryChunk) b.getItem(), (Coordinate) a.getItem());

    /** Covers floating-point rounding when searching again around the nearest distance found. */
    private static final double TIE_MARGIN = 1e-6;

    final List<IndexedUnit> units;
    private final STRtree shapes = new STRtree();
    private final STRtree boundaries = new STRtree();

    LevelIndex(List<IndexedUnit> units) {
        this.units = List.copyOf(units);
        for (IndexedUnit unit : units) {
            shapes.insert(unit.shape.getEnvelopeInternal(), unit);
            for (BoundaryChunk chunk : BoundaryChunk.of(unit)) {
                boundaries.insert(chunk.envelope, chunk);
            }
        }
        // Built now rather than lazily on the first query, so concurrent readers never race to build them.
        shapes.build();
        boundaries.build();
    }

    /** The units covering the point (inside or on the boundary), lowest code first: one, or several on a shared edge. */
    List<IndexedUnit> covering(Coordinate point) {
        List<IndexedUnit> covering = new ArrayList<>(2);
        for (Object item : shapes.query(new Envelope(point))) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit.covers(point)) {
                covering.add(unit);
            }
        }
        covering.sort(IndexedUnit.BY_CODE);
        return covering;
    }

    /**
     * Reports the units of this level the point is near: those covering it but the first (distance 0), and those not
     * covering it with a boundary within the tolerance.
     *
     * @param covering from {@link #covering}
     */
    void reportNear(Coordinate point, double toleranceMeters, List<IndexedUnit> covering, NearbyConsumer nearby) {
        Envelope search = new Envelope(point);
        search.expandBy(toleranceMeters);
        reportNear(point, toleranceMeters, covering, boundaries.query(search), nearby);
    }

    /**
     * As {@link #reportNear(Coordinate, double, List, NearbyConsumer)}, looking only at the given chunks.
     *
     * @param chunks must include every chunk of this level within the tolerance of the point; others are ignored
     */
    static void reportNear(Coordinate point, double toleranceMeters, List<IndexedUnit> covering, List<?> chunks,
                           NearbyConsumer nearby) {
        for (int i = 1; i < covering.size(); i++) {
            nearby.accept(covering.get(i), 0);
        }
        List<IndexedUnit> near = new ArrayList<>(2);
        List<Double> distances = new ArrayList<>(2);
        for (Object item : chunks) {
            BoundaryChunk chunk = (BoundaryChunk) item;
            if (chunk.mayBeWithin(point, toleranceMeters) && !covering.contains(chunk.unit)) {
                double distance = distance(chunk, point);
                if (distance <= toleranceMeters) {
                    int known = near.indexOf(chunk.unit);
                    if (known < 0) {
                        near.add(chunk.unit);
                        distances.add(distance);
                    } else if (distance < distances.get(known)) {
                        distances.set(known, distance);
                    }
                }
            }
        }
        for (int i = 0; i < near.size(); i++) {
            nearby.accept(near.get(i), distances.get(i));
        }
    }

    /** What a lookup in one grid cell (in the given row) must test at this level, found once at build time. */
    CellCandidates candidates(Envelope envelope, Geometry rectangle, RowBands[] bands, int row) {
        List<IndexedUnit> touching = new ArrayList<>(2);
        for (Object item : shapes.query(envelope)) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit.prepared.intersects(rectangle)) {
                touching.add(unit);
            }
        }
        @SuppressWarnings("unchecked") // STRtree predates generics
        List<Object> chunks = boundaries.query(envelope);
        return new CellCandidates(touching.toArray(IndexedUnit[]::new),
                touching.stream().map(unit -> bands[unit.position].row(row)).toArray(double[][]::new),
                List.copyOf(chunks));
    }

    /**
     * The unit whose boundary is nearest to a point outside every unit, or null when the level is empty. Units at
     * exactly the same distance (a vertex two units share) go by {@link #closer}, so the answer never depends on the
     * tree's search order.
     */
    Nearest nearest(Coordinate point) {
        if (units.isEmpty()) {
            return null;
        }
        BoundaryChunk some = (BoundaryChunk) boundaries.nearestNeighbour(new Envelope(point), point, CHUNK_DISTANCE);
        Envelope search = new Envelope(point);
        search.expandBy(distance(some, point) + TIE_MARGIN);
        BoundaryChunk best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Object item : boundaries.query(search)) {
            BoundaryChunk chunk = (BoundaryChunk) item;
            double distance = distance(chunk, point);
            if (best == null || closer(distance, chunk.unit, bestDistance, best.unit)) {
                best = chunk;
                bestDistance = distance;
            }
        }
        return new Nearest(best.unit, bestDistance);
    }

    /** Nearer, or as near and first by {@link IndexedUnit#rank}: the one rule for the nearest unit outside. */
    static boolean closer(double distance, IndexedUnit unit, double bestDistance, IndexedUnit bestUnit) {
        return distance < bestDistance || distance == bestDistance && unit.rank < bestUnit.rank;
    }

    /** The boundary chunks whose envelopes intersect the given one. */
    List<BoundaryChunk> chunks(Envelope envelope) {
        List<BoundaryChunk> chunks = new ArrayList<>();
        boundaries.query(envelope, item -> chunks.add((BoundaryChunk) item));
        return chunks;
    }

    /**
     * How a rectangle relates to this level: the position of the one unit whose interior contains it while no other
     * unit touches it, {@link #NONE} when no unit touches it, else {@link #MIXED}.
     */
    int classify(Envelope envelope, Geometry rectangle) {
        int container = NONE;
        for (Object item : shapes.query(envelope)) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit.prepared.containsProperly(rectangle)) {
                if (container != NONE) {
                    return MIXED;
                }
                container = unit.position;
            } else if (unit.prepared.intersects(rectangle)) {
                return MIXED;
            }
        }
        return container;
    }

    private static double distance(BoundaryChunk chunk, Coordinate point) {
        return chunk.distance(point.x, point.y);
    }

    record Nearest(IndexedUnit unit, double distanceMeters) {
    }


    @FunctionalInterface
    interface NearbyConsumer {
        void accept(IndexedUnit unit, double distanceMeters);
    }
}
