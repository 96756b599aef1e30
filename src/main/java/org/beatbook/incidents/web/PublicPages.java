package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.application.PublicIncidents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The public crime dashboard, city-wide or per unit, through the privacy policy only. */
@Controller
class PublicPages {

    private final PublicIncidents incidents;
    private final UnitCatalogue catalogue;
    private final JsonMapper json;

    PublicPages(PublicIncidents incidents, UnitCatalogue catalogue, JsonMapper json) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.json = json;
    }

    @GetMapping("/incidents")
    String dashboard(@RequestParam(required = false) String unit, Model model) {
        Params params = new Params();
        UnitKey key = params.unit(catalogue, null, unit);
        model.addAttribute("unitError", params.ok() ? null : params.errors.get(0)[1]);
        model.addAttribute("levels", catalogue.levels());
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("units", catalogue.levels().stream().flatMap(l -> catalogue.units(l.key()).stream()).toList());
        model.addAttribute("chosen", key == null ? "" : key.toString());
        model.addAttribute("unit", key == null ? null : catalogue.unit(key).orElse(null));
        model.addAttribute("chain", key == null ? List.of() : catalogue.chain(key));
        model.addAttribute("children", key == null ? catalogue.levels().isEmpty() ? List.of()
                : catalogue.units(catalogue.levels().get(0).key()) : catalogue.children(key));
        PublicIncidents.Trends trends = incidents.trends(key).orElse(null);
        model.addAttribute("trends", trends);
        if (trends != null) {
            TreeSet<LocalDate> weeks = new TreeSet<>();
            Map<IncidentCategory, Map<LocalDate, Long>> table = new TreeMap<>();
            trends.weekly().forEach(p -> {
                weeks.add(p.periodStart());
                table.computeIfAbsent(p.category(), c -> new TreeMap<>()).put(p.periodStart(), p.count());
            });
            model.addAttribute("weeks", weeks);
            model.addAttribute("weeklyTable", table);
            model.addAttribute("chartData", json.writeValueAsString(Map.of(
                    "labels", weeks.stream().map(LocalDate::toString).toList(),
                    "datasets", table.entrySet().stream().map(e -> Map.of("key", e.getKey().key(),
                            "data", weeks.stream().map(w -> e.getValue().getOrDefault(w, 0L)).toList())).toList())));
        }
        return "incidents/public";
    }
}
