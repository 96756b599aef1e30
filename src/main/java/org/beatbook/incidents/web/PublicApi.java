package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.incidents.application.PublicIncidents;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data API: generalised points and counts, through the privacy policy only ({@link PublicIncidents}).
 * Never a case number, a narrative, an exact address or point, or a sensitive offense as a point.
 */
@RestController
@RequestMapping("/api/v1/public")
class PublicApi {

    static final MediaType GEO_JSON = new MediaType("application", "geo+json");

    private final PublicIncidents incidents;
    private final UnitCatalogue catalogue;
    private final MessageSource messages;

    PublicApi(PublicIncidents incidents, UnitCatalogue catalogue, MessageSource messages) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/incidents")
    ResponseEntity<?> incidents(@RequestParam(required = false) String unit,
                                @RequestParam(required = false) String level,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "geojson") String format, Locale locale) {
        Params params = new Params();
        UnitKey key = params.unit(catalogue, level, unit);
        LocalDate start = params.date("from", from, null);
        LocalDate end = params.date("to", to, null);
        Problems.check(params);
        List<PublicIncidents.Point> points = incidents.points(key, start, end);
        if (format.equals("csv")) {
            return Csv.of("incidents.csv", List.of("date", "category", "offense", "block", "latitude", "longitude"),
                    points.stream().<List<?>>map(p -> List.of(p.date(), p.category().key(), p.offense(),
                            p.block() == null ? "" : p.block(), p.latitude(), p.longitude())).toList());
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(Responses.featureCollection(points, notice(locale)));
    }

    @GetMapping("/trends")
    ResponseEntity<?> trends(@RequestParam(required = false) String level, @RequestParam(required = false) String unit,
                             @RequestParam(defaultValue = "json") String format, Locale locale) {
        Params params = new Params();
        UnitKey key = params.unit(catalogue, level, unit);
        if (unit == null && level != null && !level.isBlank() && catalogue.level(level).isEmpty()) {
            params.errors.add(new String[] {"level", "No level \"" + level + "\""});
        }
        Problems.check(params);
        PublicIncidents.Trends t = incidents.trends(key).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
                "No data", List.of("No incidents have been imported yet")));
        Responses.PublicTrends body = Responses.PublicTrends.of(key == null ? "city" : key.toString(), t,
                notice(locale));
        if (format.equals("csv")) {
            List<List<?>> rows = new java.util.ArrayList<>(body.categories().stream()
                    .<List<?>>map(c -> List.of(c.category(), c.current(), c.previous())).toList());
            if (t.sensitiveShown()) {
                rows.add(List.of("sensitive", t.sensitive() == null ? "<" + t.minimumCount() : t.sensitive(), ""));
            }
            return Csv.of("trends.csv", List.of("category", "last_" + t.windowDays() + "_days",
                    "previous_" + t.windowDays() + "_days"), rows);
        }
        return ResponseEntity.ok(body);
    }

    private String notice(Locale locale) {
        return messages.getMessage("incidents.public.notice", null, locale);
    }
}
