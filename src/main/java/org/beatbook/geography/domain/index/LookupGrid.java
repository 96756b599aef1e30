package org.beatbook.geography.domain.index;

import org.beatbook.geography.domain.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A regular grid over the service area's envelope whose cells, where the answer cannot vary inside them, hold the
 * precomputed {@link Placement}: a cell qualifies when, buffered by the tolerance, it lies in the interior of one unit
 * at every level and touches no other unit. Any point in it is then inside those units and farther than the tolerance
 * from every other unit, which is exactly what the exact path would say.
 *
 * <p>Cells near a boundary first get a {@link CellPlan}: per level, the unit already proven to contain the whole
 * cell, or the few units and boundary chunks that touch the buffered cell. {@link CellRefiner} then splits them into
 * sub-cells (shared answers, {@link NearPlan}s, or the plan where a boundary crosses) and gives cells outside every
 * unit an {@link OutsidePlan}.
 */
final class LookupGrid {

    static final LookupGrid EMPTY = new LookupGrid(0, 0, 0, 0, 0, 0, 0, new Object[0]);

    /** 2^19 cells: about 60 m cells over Chicago, and 2 MB of references. */
    private static final int TARGET_CELLS = 1 << 19;
    private static final double MIN_CELL_METERS = 10;
    /** Cells per side of the blocks the build starts from and hands to parallel workers. */
    private static final int BLOCK_CELLS = 64;
    /** Widens each buffered cell a little so floating-point rounding of a point's cell can never matter. */
    static final double SLACK_METERS = 0.01;

    private final int columns;
    private final int rows;
    private final double cellSizeMeters;
    private final double minLongitude;
    private final double minLatitude;
    private final double columnsPerDegree;
    private final double rowsPerDegree;
    /** Per cell: a shared {@link Placement}, a {@link SubGrid}, an {@link OutsidePlan}, a {@link CellPlan} or null. */
    private final Object[] cells;

    private LookupGrid(int columns, int rows, double cellSizeMeters, double minLongitude, double minLatitude,
                       double columnsPerDegree, double rowsPerDegree, Object[] cells) {
        this.columns = columns;
        this.rows = rows;
        this.cellSizeMeters = cellSizeMeters;
        this.minLongitude = minLongitude;
        this.minLatitude = minLatitude;
        this.columnsPerDegree = columnsPerDegree;
        this.rowsPerDegree = rowsPerDegree;
        this.cells = cells;
    }

    /** The point's cell, or -1 off the grid (including NaN coordinates). */
    int cell(double latitude, double longitude) {
        double column = (longitude - minLongitude) * columnsPerDegree;
        double row = (latitude - minLatitude) * rowsPerDegree;
        if (column >= 0 && column < columns && row >= 0 && row < rows) {
            return (int) row * columns + (int) column;
        }
        return -1;
    }

    /**
     * What the cell holds: a {@link Placement} for every point of it, a {@link SubGrid} to look into with the
     * projected point, an {@link OutsidePlan}, a {@link CellPlan}, or null for the exact path.
     */
    Object entry(int cell) {
        return cells[cell];
    }

    GridCoverage coverage() {
        int answered = 0;
        int refined = 0;
        int outside = 0;
        for (Object entry : cells) {
            if (entry instanceof Placement) {
                answered++;
            } else if (entry instanceof SubGrid || entry instanceof CellPlan || entry instanceof NearPlan) {
                refined++;
            } else if (entry instanceof OutsidePlan) {
                outside++;
            }
        }
        return new GridCoverage(columns, rows, cellSizeMeters, answered, refined, outside, CellRefiner.SUBDIVISIONS);
    }

    /** @param extent the projected envelope of all units */
    static LookupGrid build(List<LevelIndex> levels, LocalProjection projection, Envelope extent, double toleranceMeters) {
        if (levels.isEmpty() || extent.isNull() || extent.getArea() <= 0) {
            return EMPTY;
        }
        // Cells much smaller than the tolerance gain little: the refinement below splits those near boundaries.
        double cell = Math.max(Math.sqrt(extent.getArea() / TARGET_CELLS), Math.max(toleranceMeters, MIN_CELL_METERS));
        int columns = (int) Math.ceil(extent.getWidth() / cell);
        int rows = (int) Math.ceil(extent.getHeight() / cell);
        Object[] cells = new Object[columns * rows];
        RowBands[][] bands = levels.stream().map(level -> level.units.parallelStream()
                        .map(unit -> RowBands.of(unit, extent.getMinY(), cell, rows, SLACK_METERS))
                        .toArray(RowBands[]::new))
                .toArray(RowBands[][]::new);
        Map<List<IndexedUnit>, Placement> placements = new ConcurrentHashMap<>();
        Queue<int[]> outsideBlocks = new ConcurrentLinkedQueue<>();
        new Filler(levels, bands, extent.getMinX(), extent.getMinY(), cell, columns, toleranceMeters + SLACK_METERS,
                cells, placements, outsideBlocks).fillAll(rows);
        CellRefiner refiner = new CellRefiner(levels, placements, extent.getMinX(), extent.getMinY(), cell, columns,
                toleranceMeters, cells);
        outsideBlocks.parallelStream().forEach(refiner::outside);
        // Each task writes only its own cell.
        IntStream.range(0, cells.length).parallel()
                .filter(i -> !(cells[i] instanceof Placement) && !(cells[i] instanceof OutsidePlan))
                .forEach(i -> cells[i] = refiner.refine(i));
        return new LookupGrid(columns, rows, cell,
                projection.longitude(extent.getMinX()), projection.latitude(extent.getMinY()),
                projection.metersPerDegreeLongitude() / cell, projection.metersPerDegreeLatitude() / cell, cells);
    }

    /** One shared Placement per combination of units, so a grid answer allocates nothing. */
    static Placement placementFor(Map<List<IndexedUnit>, Placement> placements, List<IndexedUnit> units) {
        return placements.computeIfAbsent(units, key -> {
            List<UnitRef> refs = key.stream().map(unit -> unit.ref).toList();
            return new Placement(refs, false, List.of(), Optional.empty());
        });
    }

    /** Classifies blocks of cells, splitting only blocks that straddle a boundary, so work follows boundary length. */
    private static final class Filler {

        private static final int UNKNOWN = Integer.MIN_VALUE;
        private static final GeometryFactory FACTORY = new GeometryFactory();

        private final List<LevelIndex> levels;
        /** Per level, per unit position. */
        private final RowBands[][] bands;
        private final double minX;
        private final double minY;
        private final double cell;
        private final int columns;
        private final double margin;
        private final Object[] cells;
        private final Map<List<IndexedUnit>, Placement> placements;
        /** Blocks of cells that no unit of any level comes within the tolerance of: x0, y0, x1, y1. */
        private final Queue<int[]> outsideBlocks;

        Filler(List<LevelIndex> levels, RowBands[][] bands, double minX, double minY, double cell, int columns, double margin,
               Object[] cells, Map<List<IndexedUnit>, Placement> placements, Queue<int[]> outsideBlocks) {
            this.levels = levels;
            this.bands = bands;
            this.minX = minX;
            this.minY = minY;
            this.cell = cell;
            this.columns = columns;
            this.margin = margin;
            this.cells = cells;
            this.placements = placements;
            this.outsideBlocks = outsideBlocks;
        }

        void fillAll(int rows) {
            int blockColumns = (columns + BLOCK_CELLS - 1) / BLOCK_CELLS;
            int blockRows = (rows + BLOCK_CELLS - 1) / BLOCK_CELLS;
            int[] unknown = new int[levels.size()];
            Arrays.fill(unknown, UNKNOWN);
            // Blocks write disjoint cells; the stream's completion publishes the writes to the caller.
            IntStream.range(0, blockColumns * blockRows).parallel().forEach(block -> {
                int x0 = block % blockColumns * BLOCK_CELLS;
                int y0 = block / blockColumns * BLOCK_CELLS;
                fill(x0, y0, Math.min(x0 + BLOCK_CELLS, columns), Math.min(y0 + BLOCK_CELLS, rows), unknown);
            });
        }

        /** Cells [x0, x1) x [y0, y1); {@code known} holds each level's unit already proven for the whole block. */
        private void fill(int x0, int y0, int x1, int y1, int[] known) {
            Envelope buffered = new Envelope(minX + x0 * cell, minX + x1 * cell, minY + y0 * cell, minY + y1 * cell);
            buffered.expandBy(margin);
            Geometry rectangle = FACTORY.toGeometry(buffered);
            int[] found = known.clone();
            boolean mixed = false;
            boolean none = false;
            boolean allNone = true;
            for (int level = 0; level < found.length; level++) {
                if (found[level] == UNKNOWN) {
                    int result = levels.get(level).classify(buffered, rectangle);
                    if (result == LevelIndex.NONE) {
                        none = true;
                        continue;
                    }
                    if (result == LevelIndex.MIXED) {
                        mixed = true;
                    } else {
                        found[level] = result;
                    }
                }
                allNone = false;
            }
            boolean single = x1 - x0 == 1 && y1 - y0 == 1;
            if (allNone) {
                outsideBlocks.add(new int[] {x0, y0, x1, y1});
            } else if (none && single) {
                return; // some level has no unit here: no shared answer and no plan; the refinement takes it
            } else if (!mixed && !none) {
                Placement answer = placementFor(found);
                for (int y = y0; y < y1; y++) {
                    Arrays.fill(cells, y * columns + x0, y * columns + x1, answer);
                }
            } else if (single) {
                cells[y0 * columns + x0] = planFor(found, buffered, rectangle, y0);
            } else {
                if (x1 - x0 >= y1 - y0) {
                    int middle = (x0 + x1) >>> 1;
                    fill(x0, y0, middle, y1, found);
                    fill(middle, y0, x1, y1, found);
                } else {
                    int middle = (y0 + y1) >>> 1;
                    fill(x0, y0, x1, middle, found);
                    fill(x0, middle, x1, y1, found);
                }
            }
        }

        private CellPlan planFor(int[] found, Envelope buffered, Geometry rectangle, int row) {
            IndexedUnit[] known = new IndexedUnit[found.length];
            CellCandidates[] candidates = new CellCandidates[found.length];
            for (int level = 0; level < found.length; level++) {
                if (found[level] == UNKNOWN) {
                    candidates[level] = levels.get(level).candidates(buffered, rectangle, bands[level], row);
                } else {
                    known[level] = levels.get(level).units.get(found[level]);
                }
            }
            return new CellPlan(known, candidates);
        }

        private Placement placementFor(int[] positions) {
            List<IndexedUnit> units = new ArrayList<>(positions.length);
            for (int level = 0; level < positions.length; level++) {
                units.add(levels.get(level).units.get(positions[level]));
            }
            return LookupGrid.placementFor(placements, units);
        }
    }

    /**
     * Per level of a cell near a boundary: {@code known[level]} when one unit contains the whole buffered cell and no
     * other touches it (nothing to test), else {@code candidates[level]}.
     */
    record CellPlan(IndexedUnit[] known, CellCandidates[] candidates) {
    }
}
