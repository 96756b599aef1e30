package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A run of a few consecutive boundary segments of one unit, in projected metres. A level keeps all its chunks in one
 * STRtree, so "which units are within the tolerance" and "which unit is nearest" cost one tree query and a handful
 * of segment distances instead of a distance computation over every vertex of every candidate polygon.
 */
final class BoundaryChunk {

    /** Small enough that a chunk's envelope is tight, large enough that the tree stays shallow. */
    private static final int SEGMENTS = 8;

    final IndexedUnit unit;
    /** x0, y0, x1, y1, ... of SEGMENTS + 1 points at most. */
    private final double[] xy;
    final Envelope envelope;
    /** The envelope's bounds again, read without following a reference. */
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;

    private BoundaryChunk(IndexedUnit unit, double[] xy) {
        this.unit = unit;
        this.xy = xy;
        this.envelope = new Envelope();
        for (int i = 0; i < xy.length; i += 2) {
            envelope.expandToInclude(xy[i], xy[i + 1]);
        }
        this.minX = envelope.getMinX();
        this.maxX = envelope.getMaxX();
        this.minY = envelope.getMinY();
        this.maxY = envelope.getMaxY();
    }

    /** The chunks of every ring (shells and holes) of a unit's polygons. */
    static List<BoundaryChunk> of(IndexedUnit unit) {
        List<BoundaryChunk> chunks = new ArrayList<>();
        Geometry shape = unit.shape;
        for (int p = 0; p < shape.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) shape.getGeometryN(p);
            addRing(unit, polygon.getExteriorRing().getCoordinates(), chunks);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                addRing(unit, polygon.getInteriorRingN(h).getCoordinates(), chunks);
            }
        }
        return chunks;
    }

    private static void addRing(IndexedUnit unit, Coordinate[] ring, List<BoundaryChunk> chunks) {
        for (int start = 0; start < ring.length - 1; start += SEGMENTS) {
            int end = Math.min(start + SEGMENTS, ring.length - 1);
            double[] xy = new double[2 * (end - start + 1)];
            for (int i = start; i <= end; i++) {
                xy[2 * (i - start)] = ring[i].x;
                xy[2 * (i - start) + 1] = ring[i].y;
            }
            chunks.add(new BoundaryChunk(unit, xy));
        }
    }

    /** False when the chunk's envelope shows it is farther than the distance; cheaper than {@link #distance}. */
    boolean mayBeWithin(Coordinate point, double distance) {
        return mayBeWithin(point.x, point.y, distance);
    }

    boolean mayBeWithin(double x, double y, double distance) {
        return x >= minX - distance && x <= maxX + distance && y >= minY - distance && y <= maxY + distance;
    }

    /** Squared distance from a point to the chunk's envelope: a lower bound of the squared {@link #distance}. */
    double envelopeDistanceSquared(double x, double y) {
        double dx = Math.max(0, Math.max(minX - x, x - maxX));
        double dy = Math.max(0, Math.max(minY - y, y - maxY));
        return dx * dx + dy * dy;
    }

    /** Distance from a point to the nearest of this chunk's segments. */
    double distance(double x, double y) {
        return distance(xy, 0, xy.length, x, y);
    }

    /**
     * {@link #distance} of a chunk packed with {@link #packInto} at data[from] to data[to - 1]: the same arithmetic,
     * so the same result to the last bit.
     */
    static double distance(double[] data, int from, int to, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = from; i + 3 < to; i += 2) {
            best = Math.min(best, squaredSegmentDistance(x, y, data[i], data[i + 1], data[i + 2], data[i + 3]));
        }
        return Math.sqrt(best);
    }

    /**
     * Appends minX, maxX, minY, maxY, the number of coordinates, then the coordinates, so a lookup reads a cell's
     * chunks from one array instead of following a reference per chunk.
     */
    void packInto(List<Double> data) {
        data.add(minX);
        data.add(maxX);
        data.add(minY);
        data.add(maxY);
        data.add((double) xy.length);
        for (double value : xy) {
            data.add(value);
        }
    }

    /** Words {@link #packInto} adds before the coordinates. */
    static final int PACKED_HEADER = 5;

    private static double squaredSegmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }
}
