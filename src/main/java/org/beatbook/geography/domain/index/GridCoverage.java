package org.beatbook.geography.domain.index;

/**
 * How the lookup grid over the service area's envelope is filled.
 *
 * @param columns cells across (west to east)
 * @param rows cells down (south to north)
 * @param cellSizeMeters the side of a square cell
 * @param answeredCells cells that hold one precomputed answer for all their points
 * @param plannedCells cells near a boundary, split into sub-cells (or holding one plan for the whole cell)
 * @param outsideCells cells outside every unit that hold the few boundary pieces that can be nearest there
 * @param subdivisions sub-cells per side of a split cell
 */
public record GridCoverage(int columns, int rows, double cellSizeMeters, int answeredCells, int plannedCells,
                           int outsideCells, int subdivisions) {

    public long cells() {
        return (long) columns * rows;
    }

    /** Answered cells as a share of all cells, 0 to 1. */
    public double answeredShare() {
        return cells() == 0 ? 0 : (double) answeredCells / cells();
    }
}
