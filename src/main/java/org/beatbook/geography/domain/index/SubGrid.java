package org.beatbook.geography.domain.index;

/**
 * A grid cell near a boundary split into {@link CellRefiner#SUBDIVISIONS}² sub-cells, each holding what a cell can
 * hold (a shared Placement, a {@link NearPlan}, an {@link OutsidePlan}, the cell's {@link LookupGrid.CellPlan} or null).
 * Sub-cells are found from the projected point; one that rounding puts a hair outside the cell gets the edge sub-cell,
 * which the build's slack covers.
 */
final class SubGrid {

    private final double minX;
    private final double minY;
    private final double subCellMeters;
    private final Object[] entries;

    SubGrid(double minX, double minY, double subCellMeters, Object[] entries) {
        this.minX = minX;
        this.minY = minY;
        this.subCellMeters = subCellMeters;
        this.entries = entries;
    }

    Object entry(double x, double y) {
        int last = CellRefiner.SUBDIVISIONS - 1;
        int column = Math.max(0, Math.min(last, (int) ((x - minX) / subCellMeters)));
        int row = Math.max(0, Math.min(last, (int) ((y - minY) / subCellMeters)));
        return entries[row * CellRefiner.SUBDIVISIONS + column];
    }
}
