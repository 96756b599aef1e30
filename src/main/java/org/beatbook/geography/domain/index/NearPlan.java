package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;

/**
 * A piece of a grid cell that no boundary crosses but that lies within the tolerance of some: every point in it is in
 * the same units (the shared {@code far} answer), and only the distances to the other units' boundaries vary. A lookup
 * computes just those, over the boundary chunks of the other units near the cell, grouped by unit.
 */
final class NearPlan {

    /** The answer when no other unit is within the tolerance: the units, not near a boundary. */
    private final Placement far;
    /** Other units near the cell, in {@link IndexedUnit#rank} order. */
    private final IndexedUnit[] units;
    /** The chunks of units[u], packed ({@link BoundaryChunk#packInto}) at chunks[starts[u]] to chunks[starts[u + 1] - 1]. */
    private final double[] chunks;
    private final int[] starts;

    /** @param chunks every chunk of any unit but those in {@code far} that comes within the tolerance of the cell */
    NearPlan(Placement far, List<BoundaryChunk> chunks) {
        this.far = far;
        List<BoundaryChunk> byUnit = new ArrayList<>(chunks);
        byUnit.sort(Comparator.comparingInt(chunk -> chunk.unit.rank));
        List<IndexedUnit> units = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Double> packed = new ArrayList<>();
        for (int i = 0; i < byUnit.size(); i++) {
            if (i == 0 || byUnit.get(i).unit != byUnit.get(i - 1).unit) {
                units.add(byUnit.get(i).unit);
                starts.add(packed.size());
            }
            byUnit.get(i).packInto(packed);
        }
        starts.add(packed.size());
        this.units = units.toArray(IndexedUnit[]::new);
        this.chunks = packed.stream().mapToDouble(Double::doubleValue).toArray();
        this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What {@link SpatialIndex#locateExact} answers for a point of the cell, x and y projected. */
    Placement place(double x, double y, double toleranceMeters) {
        IndexedUnit[] near = null;
        double[] distances = null;
        int found = 0;
        for (int u = 0; u < units.length; u++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = starts[u]; i < starts[u + 1]; ) {
                int to = i + BoundaryChunk.PACKED_HEADER + (int) chunks[i + 4];
                // BoundaryChunk.mayBeWithin, then BoundaryChunk.distance, on the packed chunk.
                if (x >= chunks[i] - toleranceMeters && x <= chunks[i + 1] + toleranceMeters
                        && y >= chunks[i + 2] - toleranceMeters && y <= chunks[i + 3] + toleranceMeters) {
                    best = Math.min(best, BoundaryChunk.distance(chunks, i + BoundaryChunk.PACKED_HEADER, to, x, y));
                }
                i = to;
            }
            if (best <= toleranceMeters) {
                if (near == null) {
                    near = new IndexedUnit[units.length - u];
                    distances = new double[units.length - u];
                }
                // Insertion by distance; units arrive in rank order, so equal distances stay in rank order.
                int at = found++;
                while (at > 0 && distances[at - 1] > best) {
                    near[at] = near[at - 1];
                    distances[at] = distances[at - 1];
                    at--;
                }
                near[at] = units[u];
                distances[at] = best;
            }
        }
        if (found == 0) {
            return far;
        }
        NearbyUnit[] alternatives = new NearbyUnit[found];
        for (int i = 0; i < found; i++) {
            alternatives[i] = new NearbyUnit(near[i].ref, SpatialIndex.roundToDecimetre(distances[i]));
        }
        return new Placement(far.units(), true, List.of(alternatives), Optional.empty());
    }
}
