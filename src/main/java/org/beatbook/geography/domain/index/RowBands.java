package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A unit's boundary segments sorted into the grid's rows: each row keeps the segments whose y-range reaches into it.
 * A point-in-polygon test then counts ray crossings over one row's few segments instead of searching an interval
 * tree over the whole boundary. It applies {@link org.locationtech.jts.algorithm.RayCrossingCounter}'s rules to a
 * superset of the segments that {@link org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator} would pass
 * it (the rules ignore those the ray misses), so both always agree, on boundaries and vertices too.
 */
final class RowBands {

    private final int firstRow;
    /** Per row from firstRow: segments packed as ax, ay, bx, by, eastmost first, so a test reads memory in order. */
    private final double[][] segments;

    private RowBands(int firstRow, double[][] segments) {
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
        double[][] segments = new double[byRow.size()][];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = packEastmostFirst(byRow.get(i));
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

    /** Segments as ax, ay, bx, by, sorted by their east end descending, so a test can stop at the first one west. */
    private static double[] packEastmostFirst(List<Coordinate> ends) {
        List<Coordinate[]> pairs = new ArrayList<>(ends.size() / 2);
        for (int i = 0; i < ends.size(); i += 2) {
            pairs.add(new Coordinate[] {ends.get(i), ends.get(i + 1)});
        }
        pairs.sort(Comparator.comparingDouble((Coordinate[] pair) -> Math.max(pair[0].x, pair[1].x)).reversed());
        double[] packed = new double[4 * pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            packed[4 * i] = pairs.get(i)[0].x;
            packed[4 * i + 1] = pairs.get(i)[0].y;
            packed[4 * i + 2] = pairs.get(i)[1].x;
            packed[4 * i + 3] = pairs.get(i)[1].y;
        }
        return packed;
    }

    private static int row(double y, double minY, double rowHeight) {
        return (int) Math.floor((y - minY) / rowHeight);
    }

    private static final double[] NO_SEGMENTS = {};

    /** The segments reaching into a grid row, for {@link #covers}. */
    double[] row(int row) {
        int band = row - firstRow;
        return band < 0 || band >= segments.length ? NO_SEGMENTS : segments[band];
    }

    /**
     * Inside or on the boundary, as {@link IndexedUnit#covers} answers, for a point whose projected y lies in the
     * row whose segments ({@link #row}) are given.
     */
    static boolean covers(double[] ends, Coordinate point) {
        double x = point.x;
        double y = point.y;
        int crossings = 0;
        // RayCrossingCounter.countSegment's rules, in its order; the count is order-free, and any order finds a
        // point on the boundary.
        for (int i = 0; i < ends.length; i += 4) {
            double ax = ends[i];
            double ay = ends[i + 1];
            double bx = ends[i + 2];
            double by = ends[i + 3];
            if (ax < x && bx < x) {
                break; // so are all that follow; the ray misses them
            }
            if (x == bx && y == by) {
                return true;
            }
            if (ay == y && by == y) {
                if (x >= Math.min(ax, bx) && x <= Math.max(ax, bx)) {
                    return true;
                }
                continue;
            }
            if ((ay > y && by <= y) || (by > y && ay <= y)) {
                if (ax > x && bx > x) {
                    // Wholly right of the point: the ray crosses it and the point cannot be on it; the robust
                    // orientation test would say so too, only slower.
                    crossings++;
                    continue;
                }
                // What Orientation.index(a, b, point) computes.
                int orientation = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, x, y);
                if (orientation == Orientation.COLLINEAR) {
                    return true;
                }
                if (by < ay) {
                    orientation = -orientation;
                }
                if (orientation == Orientation.LEFT) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1;
    }
}
