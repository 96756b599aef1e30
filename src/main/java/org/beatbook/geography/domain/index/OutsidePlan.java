package org.beatbook.geography.domain.index;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;

/**
 * A piece of the grid outside every unit of every level: the answer there is the nearest bottom-level unit, and only
 * the boundary chunks that can be nearest for some point of the piece are kept, nearest to its centre first. A chunk
 * can be nearest for a point p only if it is within d + h of p, where d is the nearest distance from the centre and
 * h the piece's half-diagonal, so within d + 2h of the centre; the build keeps exactly those.
 */
final class OutsidePlan {

    /** Squared metres; covers rounding when skipping a chunk by its envelope. */
    private static final double SKIP_MARGIN = 1e-6;
    /** Metres; covers rounding when stopping early. */
    private static final double STOP_MARGIN = 1e-3;

    private final BoundaryChunk[] chunks;
    /** Parallel to chunks, ascending: each one's distance from the piece's centre. */
    private final double[] fromCentre;
    private final double halfDiagonal;

    /** @param chunks chunks of the bottom level that can be nearest, nearest to the piece's centre first */
    OutsidePlan(List<BoundaryChunk> chunks, double centreX, double centreY, double halfDiagonal) {
        this.chunks = chunks.toArray(BoundaryChunk[]::new);
        this.fromCentre = chunks.stream().mapToDouble(chunk -> chunk.distance(centreX, centreY)).toArray();
        this.halfDiagonal = halfDiagonal;
    }

    static Comparator<BoundaryChunk> nearestFirst(double x, double y) {
        return Comparator.comparingDouble(chunk -> chunk.distance(x, y));
    }

    /** What {@link SpatialIndex#locateExact} answers for a point of the piece, x and y projected. */
    Placement place(double x, double y) {
        BoundaryChunk best = chunks[0];
        double bestDistance = best.distance(x, y);
        double bestSquared = bestDistance * bestDistance;
        for (int i = 1; i < chunks.length; i++) {
            // No point of the piece is nearer to this chunk, or to any after it, than its distance from the centre
            // less the half-diagonal.
            if (fromCentre[i] - halfDiagonal > bestDistance + STOP_MARGIN) {
                break;
            }
            BoundaryChunk chunk = chunks[i];
            if (chunk.envelopeDistanceSquared(x, y) - SKIP_MARGIN > bestSquared) {
                continue;
            }
            double distance = chunk.distance(x, y);
            if (LevelIndex.closer(distance, chunk.unit, bestDistance, best.unit)) {
                best = chunk;
                bestDistance = distance;
                bestSquared = distance * distance;
            }
        }
        return new Placement(List.of(), false, List.of(), Optional.of(
                new NearbyUnit(best.unit.ref, SpatialIndex.roundToDecimetre(bestDistance))));
    }

    int size() {
        return chunks.length;
    }
}
