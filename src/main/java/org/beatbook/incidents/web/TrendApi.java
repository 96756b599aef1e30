package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.util.List;

import org.beatbook.geography.UnitKey;
import org.beatbook.incidents.Interval;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.application.TrendService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff trends API (behind login): CompStat, series, counts per unit, hot spots; JSON, or CSV with format=csv. */
@RestController
@RequestMapping("/api/v1/trends")
class TrendApi {

    private final TrendService trends;

    TrendApi(TrendService trends) {
        this.trends = trends;
    }

    /** Dates default to the last 365 days up to the latest imported day. */
    private TrendFilter filter(Params params, String from, String to, List<String> category, List<String> offense,
                               String priority) {
        LocalDate last = trends.latestDay().orElse(LocalDate.now());
        return params.filter(params.date("from", from, last.minusDays(364)), params.date("to", to, last),
                params.categories(category), offense, params.priority(priority));
    }

    @GetMapping("/compstat")
    ResponseEntity<?> compStat(@RequestParam(defaultValue = "") String level, @RequestParam(required = false) String parent,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) List<String> category,
                               @RequestParam(required = false) String priority,
                               @RequestParam(defaultValue = "json") String format) {
        Params params = new Params();
        UnitKey parentKey = params.unit(trends.catalogue(), null, parent);
        String wanted = level.isBlank() ? trends.catalogue().levels().get(0).key() : level;
        if (parentKey == null && trends.catalogue().level(wanted).isEmpty()) {
            params.errors.add(new String[] {"level", "No level \"" + level + "\""});
        }
        LocalDate day = params.date("asOf", asOf, trends.latestDay().orElse(LocalDate.now()));
        TrendFilter filter = params.filter(day, day, params.categories(category), List.of(), params.priority(priority));
        Problems.check(params);
        List<Responses.CompStatLine> rows = trends.compStat(wanted, parentKey, day, filter).stream()
                .map(Responses.CompStatLine::of).toList();
        if (format.equals("csv")) {
            return Csv.of("compstat-" + day + ".csv", List.of("level", "code", "unit", "category", "last7", "last7_prior",
                            "last7_change", "last7_percent", "last28", "last28_prior", "last28_change", "last28_percent",
                            "ytd", "ytd_prior", "ytd_change", "ytd_percent"),
                    rows.stream().<List<?>>map(r -> List.of(r.level(), r.code(), r.unit(), r.category(),
                            r.last7Days().current(), r.last7Days().previous(), r.last7Days().change(),
                            String.valueOf(r.last7Days().percent()), r.last28Days().current(),
                            r.last28Days().previous(), r.last28Days().change(), String.valueOf(r.last28Days().percent()),
                            r.yearToDate().current(), r.yearToDate().previous(), r.yearToDate().change(),
                            String.valueOf(r.yearToDate().percent()))).toList());
        }
        return ResponseEntity.ok(new Responses.CompStat(day, rows.isEmpty() ? wanted : rows.get(0).level(), rows));
    }

    @GetMapping("/series")
    ResponseEntity<?> series(@RequestParam(required = false) String unit, @RequestParam(required = false) String level,
                             @RequestParam(defaultValue = "week") String interval,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) List<String> category,
                             @RequestParam(required = false) List<String> offense,
                             @RequestParam(required = false) String priority,
                             @RequestParam(defaultValue = "json") String format) {
        Params params = new Params();
        UnitKey key = params.unit(trends.catalogue(), level, unit);
        TrendFilter filter = filter(params, from, to, category, offense, priority);
        if (!interval.equals("week") && !interval.equals("month")) {
            params.errors.add(new String[] {"interval", "must be week or month"});
        }
        Problems.check(params);
        var points = trends.series(key, interval.equals("month") ? Interval.MONTH : Interval.WEEK, filter).stream()
                .map(Responses.SeriesLine::of).toList();
        if (format.equals("csv")) {
            return Csv.of("series.csv", List.of("period_start", "category", "count"),
                    points.stream().<List<?>>map(p -> List.of(p.periodStart(), p.category(), p.count())).toList());
        }
        return ResponseEntity.ok(new Responses.Series(key == null ? "city" : key.toString(), interval, filter.from(),
                filter.to(), points));
    }

    @GetMapping("/units")
    ResponseEntity<?> units(@RequestParam(defaultValue = "") String level, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) List<String> category,
                            @RequestParam(required = false) List<String> offense,
                            @RequestParam(required = false) String priority,
                            @RequestParam(defaultValue = "json") String format) {
        Params params = new Params();
        if (trends.catalogue().level(level).isEmpty()) {
            params.errors.add(new String[] {"level", "No level \"" + level + "\""});
        }
        TrendFilter filter = filter(params, from, to, category, offense, priority);
        Problems.check(params);
        var units = trends.countsByUnit(level, filter).stream().map(Responses.UnitLine::of).toList();
        if (format.equals("csv")) {
            return Csv.of("units-" + level + ".csv", List.of("level", "code", "unit", "count"),
                    units.stream().<List<?>>map(u -> List.of(u.level(), u.code(), u.unit(), u.count())).toList());
        }
        return ResponseEntity.ok(new Responses.Units(level, filter.from(), filter.to(), units));
    }

    @GetMapping("/hotspots")
    ResponseEntity<?> hotSpots(@RequestParam(required = false) String unit, @RequestParam(required = false) String level,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) List<String> category,
                               @RequestParam(required = false) List<String> offense,
                               @RequestParam(required = false) String priority,
                               @RequestParam(defaultValue = "json") String format) {
        Params params = new Params();
        UnitKey key = params.unit(trends.catalogue(), level, unit);
        TrendFilter filter = filter(params, from, to, category, offense, priority);
        Problems.check(params);
        var cells = trends.hotSpots(key, filter);
        if (format.equals("csv")) {
            return Csv.of("hotspots.csv", List.of("south", "west", "north", "east", "count", "hot"),
                    cells.stream().<List<?>>map(c -> List.of(c.south(), c.west(), c.north(), c.east(), c.count(),
                            c.hot())).toList());
        }
        return ResponseEntity.ok(new Responses.HotSpotCells(HOT_SPOT_METHOD, trends.cellMeters(), filter.from(),
                filter.to(), cells));
    }

    static final String HOT_SPOT_METHOD = "grid cells above the mean + 2 standard deviations of non-empty cells";
}
