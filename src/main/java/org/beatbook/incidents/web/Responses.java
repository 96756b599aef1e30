package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beatbook.incidents.CompStatRow;
import org.beatbook.incidents.PeriodComparison;
import org.beatbook.incidents.SeriesPoint;
import org.beatbook.incidents.UnitCount;
import org.beatbook.incidents.application.PublicIncidents;
import org.beatbook.incidents.domain.HotSpots;

/** JSON shapes of the incidents API and their CSV twins. */
final class Responses {

    private Responses() {
    }

    record Period(long current, long previous, long change, Double percent) {
        static Period of(PeriodComparison p) {
            return new Period(p.current(), p.previous(), p.change(), p.percent());
        }
    }

    record CompStatLine(String level, String code, String unit, String category, Period last7Days, Period last28Days,
                        Period yearToDate) {
        static CompStatLine of(CompStatRow r) {
            return new CompStatLine(r.unit().level(), r.unit().code(), r.unit().label(),
                    r.category() == null ? "all" : r.category().key(), Period.of(r.week()), Period.of(r.month()),
                    Period.of(r.yearToDate()));
        }
    }

    record CompStat(LocalDate asOf, String level, List<CompStatLine> rows) {
    }

    record SeriesLine(LocalDate periodStart, String category, long count) {
        static SeriesLine of(SeriesPoint p) {
            return new SeriesLine(p.periodStart(), p.category().key(), p.count());
        }
    }

    record Series(String unit, String interval, LocalDate from, LocalDate to, List<SeriesLine> points) {
    }

    record UnitLine(String level, String code, String unit, long count) {
        static UnitLine of(UnitCount c) {
            return new UnitLine(c.unit().level(), c.unit().code(), c.unit().label(), c.count());
        }
    }

    record Units(String level, LocalDate from, LocalDate to, List<UnitLine> units) {
    }

    record HotSpotCells(String method, double cellMeters, LocalDate from, LocalDate to, List<HotSpots.Cell> cells) {
    }

    record CategoryLine(String category, long current, long previous) {
    }

    /** Public trends: never a count of sensitive offenses below the top level, small counts suppressed. */
    record PublicTrends(String unit, LocalDate from, LocalDate to, int windowDays, List<CategoryLine> categories,
                        Map<String, Object> sensitive, List<SeriesLine> weekly, String notice) {
        static PublicTrends of(String unit, PublicIncidents.Trends t, String notice) {
            Map<String, Object> sensitive = new LinkedHashMap<>();
            sensitive.put("shown", t.sensitiveShown());
            if (t.sensitiveShown()) {
                sensitive.put("count", t.sensitive());
                sensitive.put("suppressed", t.sensitive() == null);
                sensitive.put("suppressedBelow", t.minimumCount());
            }
            List<CategoryLine> lines = new ArrayList<>();
            t.categories().forEach(c -> lines.add(new CategoryLine(c.category().key(), c.current(), c.previous())));
            return new PublicTrends(unit, t.from(), t.to(), t.windowDays(), lines, sensitive,
                    t.weekly().stream().map(SeriesLine::of).toList(), notice);
        }
    }

    /** A GeoJSON FeatureCollection of generalised points: category, offense, date and block only. */
    static Map<String, Object> featureCollection(List<PublicIncidents.Point> points, String notice) {
        List<Map<String, Object>> features = new ArrayList<>(points.size());
        for (PublicIncidents.Point p : points) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("category", p.category().key());
            properties.put("offense", p.offense());
            properties.put("date", p.date().toString());
            properties.put("block", p.block());
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(p.longitude(), p.latitude())),
                    "properties", properties));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("notice", notice);
        collection.put("features", features);
        return collection;
    }
}
