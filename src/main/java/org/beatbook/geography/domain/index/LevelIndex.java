package org.beatbook.geography.domain.index;

import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/** The units of one level in an STRtree over their envelopes. Immutable once built, safe for concurrent reads. */
final class LevelIndex {

    /** {@link #classify} results besides a unit's position in {@link #units}. */
    static final int NONE = -1;
    static final int MIXED = -2;

    /** True polygon distance, so nearestNeighbour answers the nearest unit and not the nearest envelope. */
    private static final ItemDistance POLYGON_DISTANCE = (ItemBoundable a, ItemBoundable b) ->
            a.getItem() instanceof IndexedUnit unit
                    ? unit.distance((Point) b.getItem())
                    : ((IndexedUnit) b.getItem()).distance((Point) a.getItem());

    final int depth;
    final List<IndexedUnit> units;
    private final STRtree tree = new STRtree();

    LevelIndex(int depth, List<IndexedUnit> units) {
        this.depth = depth;
        this.units = List.copyOf(units);
        for (IndexedUnit unit : units) {
            tree.insert(unit.shape.getEnvelopeInternal(), unit);
        }
        // Built now rather than lazily on the first query, so concurrent readers never race to build it.
        tree.build();
    }

    /** The unit covering the point; the lowest code when several do (a point on a shared edge). */
    IndexedUnit containing(Point point) {
        IndexedUnit best = null;
        for (Object item : tree.query(point.getEnvelopeInternal())) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit.covers(point.getCoordinate()) && (best == null || IndexedUnit.BY_CODE.compare(unit, best) < 0)) {
                best = unit;
            }
        }
        return best;
    }

    /** Calls back with each unit other than {@code except} within {@code toleranceMeters} of the point. */
    void forEachNear(Point point, double toleranceMeters, IndexedUnit except, NearbyConsumer consumer) {
        Envelope search = new Envelope(point.getCoordinate());
        search.expandBy(toleranceMeters);
        for (Object item : tree.query(search)) {
            IndexedUnit unit = (IndexedUnit) item;
            if (unit != except) {
                double distance = unit.distance(point);
                if (distance <= toleranceMeters) {
                    consumer.accept(unit, distance);
                }
            }
        }
    }

    /** The unit nearest to a point, or null when the level has no units. */
    IndexedUnit nearest(Point point) {
        if (units.isEmpty()) {
            return null;
        }
        return (IndexedUnit) tree.nearestNeighbour(point.getEnvelopeInternal(), point, POLYGON_DISTANCE);
    }

    /**
     * How a rectangle relates to this level: the position of the one unit whose interior contains it while no other
     * unit touches it, {@link #NONE} when no unit touches it, else {@link #MIXED}.
     */
    int classify(Envelope envelope, Geometry rectangle) {
        int container = NONE;
        for (Object item : tree.query(envelope)) {
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

    @FunctionalInterface
    interface NearbyConsumer {
        void accept(IndexedUnit unit, double distanceMeters);
    }
}
