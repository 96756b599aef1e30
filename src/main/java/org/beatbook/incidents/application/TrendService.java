package org.beatbook.incidents.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.beatbook.incidents.CompStatRow;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.IncidentTrends;
import org.beatbook.incidents.Interval;
import org.beatbook.incidents.PeriodComparison;
import org.beatbook.incidents.SeriesPoint;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.UnitCount;
import org.beatbook.incidents.domain.CompStatPeriods;
import org.beatbook.incidents.domain.HotSpots;
import org.beatbook.incidents.persistence.TrendQueries;
import org.beatbook.incidents.persistence.TrendQueries.Sensitivity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Staff-level trends from the daily counts: everything counted, nothing generalised. */
@Service
public class TrendService implements IncidentTrends {

    private final TrendQueries queries;
    private final UnitCatalogue catalogue;
    private final double cellMeters;

    TrendService(TrendQueries queries, UnitCatalogue catalogue,
                 @Value("${beatbook.incidents.hot-spot-cell-meters:250}") double cellMeters) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.cellMeters = cellMeters;
    }

    public UnitCatalogue catalogue() {
        return catalogue;
    }

    public double cellMeters() {
        return cellMeters;
    }

    @Override
    public Optional<LocalDate> latestDay() {
        return queries.latestDay();
    }

    @Override
    public List<CompStatRow> compStat(String level, UnitKey parent, LocalDate asOf, TrendFilter filter) {
        List<UnitRef> units = parent == null ? catalogue.units(level) : catalogue.children(parent);
        String unitLevel = units.isEmpty() ? level : units.get(0).level();
        Map<String, Map<IncidentCategory, long[]>> counts = queries.compStat(unitLevel, new CompStatPeriods(asOf),
                filter, Set.of());
        List<CompStatRow> rows = new ArrayList<>();
        for (UnitRef unit : units) {
            Map<IncidentCategory, long[]> byCategory = new EnumMap<>(IncidentCategory.class);
            byCategory.putAll(counts.getOrDefault(unit.code(), Map.of()));
            long[] total = new long[6];
            byCategory.values().forEach(c -> {
                for (int k = 0; k < 6; k++) {
                    total[k] += c[k];
                }
            });
            rows.add(row(unit, null, total));
            byCategory.forEach((category, c) -> rows.add(row(unit, category, c)));
        }
        return rows;
    }

    private static CompStatRow row(UnitRef unit, IncidentCategory category, long[] c) {
        return new CompStatRow(unit, category, new PeriodComparison(c[0], c[1]), new PeriodComparison(c[2], c[3]),
                new PeriodComparison(c[4], c[5]));
    }

    @Override
    public List<SeriesPoint> series(UnitKey unit, Interval interval, TrendFilter filter) {
        return queries.series(unit == null ? null : unit.level(), unit == null ? null : unit.code(), interval, filter,
                        Sensitivity.ALL, Set.of()).stream()
                .map(b -> new SeriesPoint(b.start(), b.category(), b.count())).toList();
    }

    @Override
    public List<UnitCount> countsByUnit(String level, TrendFilter filter) {
        Map<String, Long> counts = queries.byUnit(level, filter, Sensitivity.ALL, Set.of());
        return catalogue.units(level).stream().map(u -> new UnitCount(u, counts.getOrDefault(u.code(), 0L))).toList();
    }

    @Override
    public long count(UnitKey unit, TrendFilter filter) {
        return queries.byCategory(unit == null ? null : unit.level(), unit == null ? null : unit.code(), filter,
                Sensitivity.ALL, Set.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Hot spots: counts on a grid of {@code cellMeters} cells, standout cells marked (mean + 2 SD). */
    public List<HotSpots.Cell> hotSpots(UnitKey unit, TrendFilter filter) {
        double cellLat = cellMeters / 111_320;
        // Longitude degrees shrink with latitude; the grid uses the centre of the department's units.
        double reference = Math.toRadians(referenceLatitude());
        double cellLon = cellMeters / (111_320 * Math.cos(reference));
        return HotSpots.cells(queries.grid(unit == null ? null : unit.level() + ":" + unit.code(), filter, cellLat,
                cellLon, Set.of()), cellLat, cellLon);
    }

    private double referenceLatitude() {
        return queries.referenceLatitude().orElse(0.0);
    }
}
