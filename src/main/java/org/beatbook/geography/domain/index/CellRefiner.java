package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beatbook.geography.Placement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Second stage of the grid build, for the cells the first stage could not answer as a whole.
 *
 * <p>Outside the service area it gives blocks of cells an {@link OutsidePlan} (the few boundary chunks that can be
 * nearest there), splitting blocks until that list is short.
 *
 * <p>Near boundaries it splits a cell into {@link #SUBDIVISIONS}² sub-cells by distance alone: a block of sub-cells
 * whose centre is farther than the tolerance plus its half-diagonal from every boundary has one shared answer (the
 * units at its centre); a block no boundary crosses but some comes within the tolerance of gets a {@link NearPlan}
 * (units fixed, only distances to compute); only sub-cells a boundary crosses keep the cell's {@link LookupGrid.CellPlan}.
 * Every test carries {@link LookupGrid#SLACK_METERS} so that rounding of a point's cell never matters.
 */
final class CellRefiner {

    static final int SUBDIVISIONS = 8;
    /**
     * An {@link OutsidePlan} longer than this is split, down to one cell; a lookup stops early in the list anyway,
     * so this bounds memory more than time.
     */
    private static final int OUTSIDE_CHUNKS = 64;
    /** Metres; covers rounding in the nearest-distance bounds of {@link OutsidePlan}. */
    private static final double MARGIN = 1e-3;

    private final List<LevelIndex> levels;
    private final LevelIndex bottom;
    private final Map<List<IndexedUnit>, Placement> placements;
    private final double minX;
    private final double minY;
    private final double cell;
    private final double subCell;
    private final int columns;
    private final double tolerance;
    private final Object[] cells;

    CellRefiner(List<LevelIndex> levels, Map<List<IndexedUnit>, Placement> placements, double minX, double minY,
                double cell, int columns, double tolerance, Object[] cells) {
        this.levels = levels;
        this.bottom = levels.get(levels.size() - 1);
        this.placements = placements;
        this.minX = minX;
        this.minY = minY;
        this.cell = cell;
        this.subCell = cell / SUBDIVISIONS;
        this.columns = columns;
        this.tolerance = tolerance;
        this.cells = cells;
    }

    /** Gives the cells of a block that no unit comes near (x0, y0, x1, y1) their {@link OutsidePlan}s. */
    void outside(int[] block) {
        outside(block[0], block[1], block[2], block[3]);
    }

    private void outside(int x0, int y0, int x1, int y1) {
        OutsidePlan plan = outsidePlan(new Envelope(minX + x0 * cell, minX + x1 * cell, minY + y0 * cell,
                minY + y1 * cell));
        if (plan == null) {
            return;
        }
        if (plan.size() <= OUTSIDE_CHUNKS || x1 - x0 == 1 && y1 - y0 == 1) {
            for (int y = y0; y < y1; y++) {
                Arrays.fill(cells, y * columns + x0, y * columns + x1, plan);
            }
        } else if (x1 - x0 >= y1 - y0) {
            int middle = (x0 + x1) >>> 1;
            outside(x0, y0, middle, y1);
            outside(middle, y0, x1, y1);
        } else {
            int middle = (y0 + y1) >>> 1;
            outside(x0, y0, x1, middle);
            outside(x0, middle, x1, y1);
        }
    }

    /** For an area outside every unit: the bottom-level chunks that can be nearest to some point of it. */
    private OutsidePlan outsidePlan(Envelope area) {
        double x = area.centre().x;
        double y = area.centre().y;
        LevelIndex.Nearest nearest = bottom.nearest(new Coordinate(x, y));
        if (nearest == null) {
            return null;
        }
        double halfDiagonal = Math.hypot(area.getWidth(), area.getHeight()) / 2;
        Envelope search = new Envelope(area);
        search.expandBy(nearest.distanceMeters() + halfDiagonal + MARGIN);
        double reach = nearest.distanceMeters() + 2 * halfDiagonal + MARGIN;
        List<BoundaryChunk> candidates = new ArrayList<>();
        for (BoundaryChunk chunk : bottom.chunks(search)) {
            if (chunk.distance(x, y) <= reach) {
                candidates.add(chunk);
            }
        }
        candidates.sort(OutsidePlan.nearestFirst(x, y));
        return new OutsidePlan(candidates, x, y, halfDiagonal);
    }

    /** What cell i holds after refinement: one entry for the whole cell, or a {@link SubGrid}. */
    Object refine(int i) {
        Object fallback = cells[i];
        IndexedUnit[] known = fallback instanceof LookupGrid.CellPlan plan
                ? plan.known() : new IndexedUnit[levels.size()];
        Envelope area = new Envelope(minX + i % columns * cell, minX + (i % columns + 1) * cell,
                minY + i / columns * cell, minY + (i / columns + 1) * cell);
        // Every chunk that can decide anything below: tolerance + half-diagonal of any block never exceeds this.
        Envelope search = new Envelope(area);
        search.expandBy(tolerance + LookupGrid.SLACK_METERS + cell);
        List<BoundaryChunk> chunks = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            if (known[level] == null) {
                chunks.addAll(levels.get(level).chunks(search));
            }
        }
        Cell refining = new Cell(area, known, chunks, fallback);
        refining.classify(0, 0, SUBDIVISIONS, SUBDIVISIONS, chunks);
        Object[] entries = refining.entries;
        for (Object entry : entries) {
            if (entry != entries[0]) {
                return new SubGrid(area.getMinX(), area.getMinY(), subCell, entries);
            }
        }
        return entries[0];
    }

    /** The refinement of one cell. */
    private final class Cell {

        private final Envelope area;
        private final IndexedUnit[] known;
        /** Chunks that come within the tolerance of the cell, for its {@link NearPlan}s. */
        private final List<BoundaryChunk> nearCell = new ArrayList<>();
        private final Object fallback;
        private final Object[] entries = new Object[SUBDIVISIONS * SUBDIVISIONS];
        private final Map<List<IndexedUnit>, NearPlan> nearPlans = new HashMap<>();

        Cell(Envelope area, IndexedUnit[] known, List<BoundaryChunk> chunks, Object fallback) {
            this.area = area;
            this.known = known;
            this.fallback = fallback;
            Envelope near = new Envelope(area);
            near.expandBy(tolerance + LookupGrid.SLACK_METERS);
            for (BoundaryChunk chunk : chunks) {
                if (chunk.envelope.intersects(near)) {
                    nearCell.add(chunk);
                }
            }
        }

        /** Sub-cells [x0, x1) x [y0, y1); {@code chunks} holds every chunk that can matter for them. */
        void classify(int x0, int y0, int x1, int y1, List<BoundaryChunk> chunks) {
            Envelope block = new Envelope(area.getMinX() + x0 * subCell, area.getMinX() + x1 * subCell,
                    area.getMinY() + y0 * subCell, area.getMinY() + y1 * subCell);
            double x = block.centre().x;
            double y = block.centre().y;
            double halfDiagonal = Math.hypot(block.getWidth(), block.getHeight()) / 2;
            double crossing = halfDiagonal + LookupGrid.SLACK_METERS;
            double reaching = tolerance + crossing;
            // What the parts need: chunks within the tolerance of their centres, which lie within this block.
            double keep = reaching + halfDiagonal;
            boolean near = false;
            boolean crossed = false;
            List<BoundaryChunk> forParts = new ArrayList<>();
            for (BoundaryChunk chunk : chunks) {
                // The envelope's distance is a cheap lower bound; most chunks are decided by it alone.
                double lowerBound = chunk.envelopeDistanceSquared(x, y);
                if (lowerBound > keep * keep) {
                    continue;
                }
                forParts.add(chunk);
                if (!crossed && lowerBound <= reaching * reaching) {
                    double distance = chunk.distance(x, y);
                    crossed = distance <= crossing;
                    near |= distance <= reaching;
                }
            }
            boolean single = x1 - x0 == 1 && y1 - y0 == 1;
            if (!near) {
                List<IndexedUnit> units = unitsAt(x, y);
                fill(x0, y0, x1, y1, units.isEmpty() ? outsidePlan(block) : LookupGrid.placementFor(placements, units));
            } else if (single) {
                fill(x0, y0, x1, y1, crossed ? fallback : nearPlan(x, y, block));
            } else if (x1 - x0 >= y1 - y0) {
                int middle = (x0 + x1) >>> 1;
                classify(x0, y0, middle, y1, forParts);
                classify(middle, y0, x1, y1, forParts);
            } else {
                int middle = (y0 + y1) >>> 1;
                classify(x0, y0, x1, middle, forParts);
                classify(x0, middle, x1, y1, forParts);
            }
        }

        /** The units containing a point no boundary passes near, top level first. */
        private List<IndexedUnit> unitsAt(double x, double y) {
            Coordinate point = new Coordinate(x, y);
            List<IndexedUnit> units = new ArrayList<>(levels.size());
            for (int level = 0; level < levels.size(); level++) {
                if (known[level] != null) {
                    units.add(known[level]);
                } else {
                    // The cell's plan tests a row's few segments; much cheaper than the level's own search.
                    List<IndexedUnit> covering = fallback instanceof LookupGrid.CellPlan plan
                            ? plan.candidates()[level].covering(point) : levels.get(level).covering(point);
                    if (!covering.isEmpty()) {
                        units.add(covering.get(0));
                    }
                }
            }
            return units;
        }

        /** For a sub-cell no boundary crosses, around (x, y). */
        private Object nearPlan(double x, double y, Envelope block) {
            List<IndexedUnit> units = unitsAt(x, y);
            if (units.isEmpty()) {
                return outsidePlan(block);
            }
            return nearPlans.computeIfAbsent(units, key -> new NearPlan(LookupGrid.placementFor(placements, key),
                    nearCell.stream().filter(chunk -> !key.contains(chunk.unit)).toList()));
        }

        private void fill(int x0, int y0, int x1, int y1, Object entry) {
            for (int y = y0; y < y1; y++) {
                Arrays.fill(entries, y * SUBDIVISIONS + x0, y * SUBDIVISIONS + x1, entry);
            }
        }
    }
}
