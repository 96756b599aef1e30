package org.beatbook.lookup.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitLevel;
import org.beatbook.lookup.AddressNotFoundException;
import org.beatbook.lookup.NeighborhoodFinder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public "Find my officers" page. A plain GET form, so it works without JavaScript; with htmx the same URL
 * answers with just the result fragment.
 */
@Controller
class FindController {

    private final NeighborhoodFinder finder;
    private final UnitCatalogue catalogue;

    FindController(NeighborhoodFinder finder, UnitCatalogue catalogue) {
        this.finder = finder;
        this.catalogue = catalogue;
    }

    /** The map draws the smallest units, the ones residents recognise as "my beat". */
    @ModelAttribute("mapLevel")
    String mapLevel() {
        List<UnitLevel> levels = catalogue.levels();
        return levels.isEmpty() ? null : levels.get(levels.size() - 1).key();
    }

    @GetMapping({"/", "/find"})
    String find(@RequestParam(required = false) String address,
                @RequestParam(required = false) String lat,
                @RequestParam(required = false) String lon,
                HtmxRequest htmx, Model model) {
        LookupQuery query = new LookupQuery(address, lat, lon);
        model.addAttribute("query", query);
        if (!query.isEmpty()) {
            List<LookupQuery.Problem> problems = query.problems();
            if (!problems.isEmpty()) {
                model.addAttribute("problems", problems);
            }
            else {
                answer(query, model);
            }
        }
        return htmx.isHtmxRequest() ? "lookup/find :: result" : "lookup/find";
    }

    private void answer(LookupQuery query, Model model) {
        try {
            model.addAttribute("neighborhood", query.isPoint()
                    ? finder.findByPoint(query.latitude(), query.longitude())
                    : finder.findByAddress(query.address().strip()));
        }
        catch (AddressNotFoundException e) {
            model.addAttribute("notFound", e);
        }
    }
}
