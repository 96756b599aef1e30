package org.beatbook.incidents.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Hot spots on a regular grid: a cell stands out when its count is above the mean plus two standard deviations of
 * the counts of all grid cells with at least one incident.
 */
public final class HotSpots {

    /** A grid cell: its south-west corner, size in degrees, count, and whether it stands out. */
    public record Cell(double south, double west, double north, double east, long count, boolean hot) {
    }

    /** A count in a cell given by its row and column on the grid. */
    public record Bin(long row, long column, long count) {
    }

    private HotSpots() {
    }

    public static double threshold(List<Bin> bins) {
        if (bins.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = bins.stream().mapToLong(Bin::count).average().orElse(0);
        double variance = bins.stream().mapToDouble(b -> (b.count() - mean) * (b.count() - mean)).sum() / bins.size();
        return mean + 2 * Math.sqrt(variance);
    }

    public static List<Cell> cells(List<Bin> bins, double cellLat, double cellLon) {
        double threshold = threshold(bins);
        List<Cell> cells = new ArrayList<>();
        for (Bin b : bins) {
            double south = b.row() * cellLat;
            double west = b.column() * cellLon;
            cells.add(new Cell(round(south), round(west), round(south + cellLat), round(west + cellLon), b.count(),
                    b.count() > threshold));
        }
        return cells;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
