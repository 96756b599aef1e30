package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.beatbook.incidents.CompStatRow;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.Interval;
import org.beatbook.incidents.SeriesPoint;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.UnitCount;
import org.beatbook.incidents.application.TrendService;
import org.beatbook.incidents.domain.HotSpots;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The staff trends page: CompStat with drill-down, a time series, counts per unit and hot spots, one filter form. */
@Controller
class StaffTrendPage {

    private final TrendService trends;
    private final JsonMapper json;

    StaffTrendPage(TrendService trends, JsonMapper json) {
        this.trends = trends;
        this.json = json;
    }

    @GetMapping("/staff/incidents/trends")
    String trends(@RequestParam(required = false) String parent, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) List<String> category,
                  @RequestParam(required = false) String priority,
                  @RequestParam(defaultValue = "week") String interval, Model model) {
        Params params = new Params();
        List<UnitLevel> levels = trends.catalogue().levels();
        UnitKey parentKey = params.unit(trends.catalogue(), null, parent);
        LocalDate last = trends.latestDay().orElse(LocalDate.now());
        LocalDate day = params.date("asOf", asOf, last);
        LocalDate start = params.date("from", from, last.minusDays(364));
        LocalDate end = params.date("to", to, last);
        TrendFilter filter = params.filter(start, end, params.categories(category), List.of(),
                params.priority(priority));
        Interval period = "month".equals(interval) ? Interval.MONTH : Interval.WEEK;
        Map<String, String> errors = new LinkedHashMap<>();
        params.errors.forEach(e -> errors.put(e[0], e[1]));
        model.addAttribute("errors", errors);
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("priorities", ServicePriority.values());
        model.addAttribute("form", Map.of("parent", parent == null ? "" : parent, "asOf", day.toString(),
                "from", start.toString(), "to", end.toString(), "interval", interval,
                "priority", priority == null ? "" : priority));
        model.addAttribute("selected", filter.categories().stream().map(IncidentCategory::key).toList());
        model.addAttribute("hasData", trends.latestDay().isPresent());
        if (levels.isEmpty() || !errors.isEmpty()) {
            return "incidents/trends";
        }
        // CompStat for the top level, or the children of the unit drilled into.
        String level = levels.get(0).key();
        List<CompStatRow> rows = trends.compStat(level, parentKey, day, filter);
        String unitLevel = rows.isEmpty() ? level : rows.get(0).unit().level();
        boolean canDrill = levels.stream().anyMatch(l -> l.depth() > trends.catalogue().level(unitLevel)
                .map(UnitLevel::depth).orElse(0));
        model.addAttribute("asOf", day);
        model.addAttribute("compstat", rows);
        model.addAttribute("canDrill", canDrill);
        model.addAttribute("parentUnit", parentKey == null ? null : trends.catalogue().unit(parentKey).orElse(null));
        model.addAttribute("chain", parentKey == null ? List.of() : trends.catalogue().chain(parentKey));
        model.addAttribute("unitLevel", unitLevel);

        List<SeriesPoint> series = trends.series(parentKey, period, filter);
        TreeSet<LocalDate> periods = new TreeSet<>();
        Map<IncidentCategory, Map<LocalDate, Long>> byCategory = new TreeMap<>();
        series.forEach(p -> {
            periods.add(p.periodStart());
            byCategory.computeIfAbsent(p.category(), c -> new TreeMap<>()).put(p.periodStart(), p.count());
        });
        List<Map<String, Object>> datasets = new ArrayList<>();
        byCategory.forEach((c, counts) -> datasets.add(Map.of("key", c.key(),
                "data", periods.stream().map(d -> counts.getOrDefault(d, 0L)).toList())));
        model.addAttribute("periods", periods);
        model.addAttribute("seriesTable", byCategory);
        model.addAttribute("chartData", json.writeValueAsString(Map.of(
                "labels", periods.stream().map(LocalDate::toString).toList(), "datasets", datasets)));

        List<UnitCount> counts = parentKey == null ? trends.countsByUnit(unitLevel, filter)
                : trends.countsByUnit(unitLevel, filter).stream()
                        .filter(c -> rows.stream().anyMatch(r -> r.unit().equals(c.unit()))).toList();
        Map<String, Long> countMap = new LinkedHashMap<>();
        counts.forEach(c -> countMap.put(c.unit().code(), c.count()));
        model.addAttribute("unitCounts", counts);
        model.addAttribute("countsJson", json.writeValueAsString(countMap));

        List<HotSpots.Cell> cells = trends.hotSpots(parentKey, filter);
        model.addAttribute("hotCells", cells.stream().filter(HotSpots.Cell::hot)
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList());
        model.addAttribute("cellCount", cells.size());
        model.addAttribute("cellMeters", (long) trends.cellMeters());
        model.addAttribute("cellsJson", json.writeValueAsString(cells));
        return "incidents/trends";
    }

    /** Used by the template: the unit of a row as level:code for drill-down links. */
    static String key(UnitRef unit) {
        return unit.level() + ":" + unit.code();
    }
}
