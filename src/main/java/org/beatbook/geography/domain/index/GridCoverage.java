package org.beatbook.geography.domain.index;

/**
 * How much of the service area's envelope the precomputed lookup grid answers on its own.
 *
 * @param columns cells across (west to east)
 * @param rows cells down (south to north)
 * @param cellSizeMeters the side of a square cell
 * @param answeredCells cells that hold a precomputed answer
 * @param plannedCells cells near a boundary that hold the few units and boundary pieces a lookup there must test;
 *        lookups in the remaining cells (outside the service area) take the exact path
 */
public record GridCoverage(int columns, int rows, double cellSizeMeters, int answeredCells, int plannedCells) {

    public long cells() {
        return (long) columns * rows;
    }

    /** Answered cells as a share of all cells, 0 to 1. */
    public double answeredShare() {
        return cells() == 0 ? 0 : (double) answeredCells / cells();
    }
}
