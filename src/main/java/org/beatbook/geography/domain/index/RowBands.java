package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A unit's boundary segments sorted into the grid's rows: each row keeps the segments whose y-range reaches into it.
 * A point-in-polygon test then counts ray crossings over one row's few segments instead of searching an interval
 * tree over the whole boundary. It runs the same {@link RayCrossingCounter} over a superset of the segments that
 * {@link org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator} would pass it (the counter ignores those
 * the ray misses), so both always agree, on boundaries and vertices too.
 */
final class RowBands {

    private final int firstRow;
    /** Per row from firstRow: segment end points in pairs. */
    private final Coordinate[][] segments;

    private RowBands(int firstRow, Coordinate[][] segments) {
        this.firstRow = firstRow;
        this.segments = segments;
    }

    /**
     * @param minY the grid's lower edge, projected
     * @param rowHeight the grid's cell size
     * @param slack how far beyond its row a point's projected y may fall through rounding
     */
    static RowBands of(IndexedUnit unit, double minY, double rowHeight, int rows, double slack) {
        int first = Math.max(0, row(unit.shape.getEnvelopeInternal().getMinY() - slack, minY, rowHeight));
        int last = Math.min(rows - 1, row(unit.shape.getEnvelopeInternal().getMaxY() + slack, minY, rowHeight));
        List<List<Coordinate>> byRow = new ArrayList<>();
        for (int row = first; row <= last; row++) {
            byRow.add(new ArrayList<>());
        }
        for (int p = 0; p < unit.shape.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) unit.shape.getGeometryN(p);
            addRing(polygon.getExteriorRing().getCoordinates(), byRow, first, last, minY, rowHeight, slack);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                addRing(polygon.getInteriorRingN(h).getCoordinates(), byRow, first, last, minY, rowHeight, slack);
            }
        }
        Coordinate[][] segments = new Coordinate[byRow.size()][];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = byRow.get(i).toArray(Coordinate[]::new);
        }
        return new RowBands(first, segments);
    }

    private static void addRing(Coordinate[] ring, List<List<Coordinate>> byRow, int first, int last, double minY,
                                double rowHeight, double slack) {
        for (int i = 1; i < ring.length; i++) {
            Coordinate a = ring[i - 1];
            Coordinate b = ring[i];
            int from = Math.max(first, row(Math.min(a.y, b.y) - slack, minY, rowHeight));
            int to = Math.min(last, row(Math.max(a.y, b.y) + slack, minY, rowHeight));
            for (int row = from; row <= to; row++) {
                List<Coordinate> band = byRow.get(row - first);
                band.add(a);
                band.add(b);
            }
        }
    }

    private static int row(double y, double minY, double rowHeight) {
        return (int) Math.floor((y - minY) / rowHeight);
    }

    /** Inside or on the boundary, for a point whose projected y lies in the given grid row. */
    boolean covers(int row, Coordinate point) {
        int band = row - firstRow;
        if (band < 0 || band >= segments.length) {
            return false;
        }
        Coordinate[] pairs = segments[band];
        RayCrossingCounter counter = new RayCrossingCounter(point);
        for (int i = 0; i < pairs.length && !counter.isOnSegment(); i += 2) {
            counter.countSegment(pairs[i], pairs[i + 1]);
        }
        return counter.getLocation() != Location.EXTERIOR;
    }
}
