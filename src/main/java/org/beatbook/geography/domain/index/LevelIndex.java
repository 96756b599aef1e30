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

    final int depth;
    final List<IndexedUnit> units;
    private final STRtree shapes = new STRtree();
    private final STRtree boundaries = new STRtree();

    LevelIndex(int depth, List<IndexedUnit> units) {
        this.depth = depth;
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

    /**
     * The unit covering the point, the lowest code when several do (a point on a shared edge). When there is one,
     * reports every other unit of this level that covers the point (distance 0) or lies within the tolerance.
     *
     * @return null when no unit of this level covers the point (and then reports nothing)
     */
    IndexedUnit locate(Coordinate point, double toleranceMeters, NearbyConsumer nearby) {
        List<IndexedUnit> covering = new ArrayList<>(2);
        for (Object item : shapes.query(new Envelope(point))) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit.covers(point)) {
                covering.add(unit);
            }
        }
        if (covering.isEmpty()) {
            return null;
        }
        Envelope search = new Envelope(point);
        search.expandBy(toleranceMeters);
        return choose(point, toleranceMeters, covering, boundaries.query(search), nearby);
    }

    /**
     * Picks the lowest code among the units covering the point, reports the others at distance 0 and every other
     * unit with a boundary chunk within the tolerance.
     *
     * @param covering not empty
     * @param chunks must include every chunk of this level within the tolerance of the point; others are ignored
     */
    static IndexedUnit choose(Coordinate point, double toleranceMeters, List<IndexedUnit> covering, List<?> chunks,
                              NearbyConsumer nearby) {
        covering.sort(IndexedUnit.BY_CODE);
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
        return covering.get(0);
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

    /** The unit whose boundary is nearest to a point outside every unit, or null when the level is empty. */
    Nearest nearest(Coordinate point) {
        if (units.isEmpty()) {
            return null;
        }
        BoundaryChunk chunk = (BoundaryChunk) boundaries.nearestNeighbour(new Envelope(point), point, CHUNK_DISTANCE);
        return new Nearest(chunk.unit, distance(chunk, point));
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
