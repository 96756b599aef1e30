package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;

/**
 * What a lookup in one grid cell near a boundary must test at one level: the units touching the buffered cell, each
 * with its boundary segments in the cell's row, and the boundary chunks reaching into the buffered cell. Held in
 * arrays so a lookup follows few references.
 */
final class CellCandidates {

    private final IndexedUnit[] units;
    /** Parallel to units: {@link RowBands#row} of each for the cell's row. */
    private final double[][] rowSegments;
    private final List<Object> chunks;

    CellCandidates(IndexedUnit[] units, double[][] rowSegments, List<Object> chunks) {
        this.units = units;
        this.rowSegments = rowSegments;
        this.chunks = chunks;
    }

    /** As {@link LevelIndex#covering}, for a point in this cell. */
    List<IndexedUnit> covering(Coordinate point) {
        List<IndexedUnit> covering = new ArrayList<>(2);
        for (int i = 0; i < units.length; i++) {
            if (RowBands.covers(rowSegments[i], point)) {
                covering.add(units[i]);
            }
        }
        covering.sort(IndexedUnit.BY_CODE);
        return covering;
    }

    /** As {@link LevelIndex#reportNear}, for a point in this cell. */
    void reportNear(Coordinate point, double toleranceMeters, List<IndexedUnit> covering,
                    LevelIndex.NearbyConsumer nearby) {
        LevelIndex.reportNear(point, toleranceMeters, covering, chunks, nearby);
    }
}
