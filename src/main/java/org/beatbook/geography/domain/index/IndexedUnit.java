package org.beatbook.geography.domain.index;

import java.util.Comparator;

import org.beatbook.geography.UnitRef;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** One unit's boundary in projected metres, with the indexes that make point and rectangle tests fast. */
final class IndexedUnit {

    /** Deterministic order for ties (a point on a shared edge): lowest code wins. */
    static final Comparator<IndexedUnit> BY_CODE = Comparator
            .comparing((IndexedUnit u) -> u.ref.code())
            .thenComparing(u -> u.ref.name(), Comparator.nullsFirst(Comparator.naturalOrder()));

    final UnitRef ref;
    final int depth;
    /** Position among the units of its level, in {@link #BY_CODE} order. */
    final int position;
    /** Position among all units of all levels, top level first, then {@link #BY_CODE}: the order of ties. */
    final int rank;
    final Geometry shape;
    final PreparedGeometry prepared;
    private final IndexedPointInAreaLocator locator;

    IndexedUnit(UnitRef ref, int depth, int position, int rank, Geometry projectedShape) {
        this.ref = ref;
        this.depth = depth;
        this.position = position;
        this.rank = rank;
        this.shape = projectedShape;
        this.prepared = PreparedGeometryFactory.prepare(projectedShape);
        this.locator = new IndexedPointInAreaLocator(projectedShape);
    }

    /** Inside or on the boundary. */
    boolean covers(Coordinate point) {
        return locator.locate(point) != Location.EXTERIOR;
    }
}
