package org.beatbook.geography.domain.index;

/**
 * How much of the service area's envelope the precomputed lookup grid answers on its own.
 *
 * @param columns cells across (west to east)
 * @param rows cells down (south to north)
 * @param cellSizeMeters the side of a square cell
 * @param answeredCells cells that hold a precomputed answer; lookups in the others take the exact path
 */
public record GridCoverage(int columns, int rows, double cellSizeMeters, int answeredCells) {

    public long cells() {
        return (long) columns * rows;
    }

    /** Answered cells as a share of all cells, 0 to 1. */
    public double answeredShare() {
        return cells() == 0 ? 0 : (double) answeredCells / cells();
    }
}
