package org.beatbook.geography.domain.index;

import org.beatbook.geography.domain.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Cells near a boundary instead hold a {@link CellPlan}: per level, the unit already proven to contain the whole
 * cell, or the few units and boundary chunks that touch the buffered cell, so the exact computation there skips the
 * tree searches and tests only those. Cells with neither (outside some level entirely) take the exact path.
 */
final class LookupGrid {

    static final LookupGrid EMPTY = new LookupGrid(0, 0, 0, 0, 0, 0, 0, new Placement[0], new CellPlan[0]);

    /** 2^19 cells: about 60 m cells over Chicago, and 2 MB of references. */
    private static final int TARGET_CELLS = 1 << 19;
    private static final double MIN_CELL_METERS = 10;
    /** Cells per side of the blocks the build starts from and hands to parallel workers. */
    private static final int BLOCK_CELLS = 64;
    /** Widens each buffered cell a little so floating-point rounding of a point's cell can never matter. */
    private static final double SLACK_METERS = 0.01;

    private final int columns;
    private final int rows;
    private final double cellSizeMeters;
    private final double minLongitude;
    private final double minLatitude;
    private final double columnsPerDegree;
    private final double rowsPerDegree;
    private final Placement[] answers;
    private final CellPlan[] plans;
    private final int answeredCells;
    private final int plannedCells;

    private LookupGrid(int columns, int rows, double cellSizeMeters, double minLongitude, double minLatitude,
                       double columnsPerDegree, double rowsPerDegree, Placement[] answers, CellPlan[] plans) {
        this.columns = columns;
        this.rows = rows;
        this.cellSizeMeters = cellSizeMeters;
        this.minLongitude = minLongitude;
        this.minLatitude = minLatitude;
        this.columnsPerDegree = columnsPerDegree;
        this.rowsPerDegree = rowsPerDegree;
        this.answers = answers;
        this.plans = plans;
        this.answeredCells = (int) Arrays.stream(answers).filter(a -> a != null).count();
        this.plannedCells = (int) Arrays.stream(plans).filter(p -> p != null).count();
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

    /** The precomputed answer for every point of the cell, or null. */
    Placement answer(int cell) {
        return answers[cell];
    }

    /** What to test for a point of the cell when it has no precomputed answer, or null for the exact path. */
    CellPlan plan(int cell) {
        return plans[cell];
    }

    GridCoverage coverage() {
        return new GridCoverage(columns, rows, cellSizeMeters, answeredCells, plannedCells);
    }

    /** @param extent the projected envelope of all units */
    static LookupGrid build(List<LevelIndex> levels, LocalProjection projection, Envelope extent, double toleranceMeters) {
        if (levels.isEmpty() || extent.isNull() || extent.getArea() <= 0) {
            return EMPTY;
        }
        // Cells much smaller than the tolerance gain little (points that near a boundary need the exact path anyway).
        double cell = Math.max(Math.sqrt(extent.getArea() / TARGET_CELLS), Math.max(toleranceMeters, MIN_CELL_METERS));
        int columns = (int) Math.ceil(extent.getWidth() / cell);
        int rows = (int) Math.ceil(extent.getHeight() / cell);
        Placement[] answers = new Placement[columns * rows];
        CellPlan[] plans = new CellPlan[columns * rows];
        RowBands[][] bands = levels.stream().map(level -> level.units.parallelStream()
                        .map(unit -> RowBands.of(unit, extent.getMinY(), cell, rows, SLACK_METERS))
                        .toArray(RowBands[]::new))
                .toArray(RowBands[][]::new);
        new Filler(levels, bands, extent.getMinX(), extent.getMinY(), cell, columns, toleranceMeters + SLACK_METERS,
                answers, plans).fillAll(rows);
        return new LookupGrid(columns, rows, cell,
                projection.longitude(extent.getMinX()), projection.latitude(extent.getMinY()),
                projection.metersPerDegreeLongitude() / cell, projection.metersPerDegreeLatitude() / cell, answers,
                plans);
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
        private final Placement[] answers;
        private final CellPlan[] plans;
        /** One shared Placement per combination of units, so a grid answer allocates nothing. */
        private final Map<List<IndexedUnit>, Placement> placements = new ConcurrentHashMap<>();

        Filler(List<LevelIndex> levels, RowBands[][] bands, double minX, double minY, double cell, int columns, double margin,
               Placement[] answers, CellPlan[] plans) {
            this.levels = levels;
            this.bands = bands;
            this.minX = minX;
            this.minY = minY;
            this.cell = cell;
            this.columns = columns;
            this.margin = margin;
            this.answers = answers;
            this.plans = plans;
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
            for (int level = 0; level < found.length; level++) {
                if (found[level] == UNKNOWN) {
                    int result = levels.get(level).classify(buffered, rectangle);
                    if (result == LevelIndex.NONE) {
                        return; // some level has no unit here: these cells are outside it, no shared answer
                    }
                    if (result == LevelIndex.MIXED) {
                        mixed = true;
                    } else {
                        found[level] = result;
                    }
                }
            }
            if (!mixed) {
                Placement answer = placementFor(found);
                for (int y = y0; y < y1; y++) {
                    Arrays.fill(answers, y * columns + x0, y * columns + x1, answer);
                }
            } else if (x1 - x0 == 1 && y1 - y0 == 1) {
                plans[y0 * columns + x0] = planFor(found, buffered, rectangle, y0);
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
            return placements.computeIfAbsent(units, key -> {
                List<UnitRef> refs = key.stream().map(unit -> unit.ref).toList();
                return new Placement(refs, false, List.of(), Optional.empty());
            });
        }
    }

    /**
     * Per level of a cell near a boundary: {@code known[level]} when one unit contains the whole buffered cell and no
     * other touches it (nothing to test), else {@code candidates[level]}.
     */
    record CellPlan(IndexedUnit[] known, CellCandidates[] candidates) {
    }
}
