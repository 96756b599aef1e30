package org.beatbook.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.beatbook.geography.UnitKey;
import org.beatbook.incidents.ImportReport;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.TrendFilter;
import org.beatbook.incidents.application.IncidentImporter;
import org.beatbook.incidents.application.ProfileCatalogue;
import org.beatbook.incidents.application.TrendService;
import org.beatbook.incidents.domain.Classification;
import org.beatbook.incidents.persistence.IncidentStore;
import org.beatbook.incidents.persistence.TrendQueries;
import org.beatbook.platform.NulCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Staff incidents API (behind login): imports and their reject reports, profiles, classification, incidents. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApi {

    record ClassificationLine(String match, String category, String offense, String priority, boolean sensitive) {
    }

    private final IncidentImporter importer;
    private final IncidentStore store;
    private final ProfileCatalogue profiles;
    private final TrendService trends;
    private final TrendQueries queries;

    IncidentApi(IncidentImporter importer, IncidentStore store, ProfileCatalogue profiles, TrendService trends,
                TrendQueries queries) {
        this.importer = importer;
        this.store = store;
        this.profiles = profiles;
        this.trends = trends;
        this.queries = queries;
    }

    /** Multipart ({@code file}) or the CSV as the request body. Rejected whole: 422 with the reason. */
    @PostMapping("/imports")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ImportReport> importFile(@RequestParam String profile,
                                            @RequestParam(required = false) MultipartFile file,
                                            @RequestParam(defaultValue = "true") boolean gazetteer,
                                            HttpServletRequest request) throws IOException {
        if (!profiles.all().containsKey(profile)) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Unknown profile", List.of("profile: no profile \"" + profile
                    + "\"; known: " + String.join(", ", profiles.all().keySet())));
        }
        ImportReport report;
        try (InputStream in = file != null ? file.getInputStream() : request.getInputStream()) {
            report = importer.importFile(profile, file != null ? file.getOriginalFilename() : "request body", in,
                    gazetteer);
        }
        catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid profile", List.of(e.getMessage()));
        }
        if (!report.accepted()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "File rejected", List.of(report.message()));
        }
        return ResponseEntity.created(URI.create("/api/v1/incidents/imports/" + report.importId())).body(report);
    }

    @GetMapping("/imports")
    List<IncidentStore.ImportEntry> imports() {
        return store.recentImports(100);
    }

    @GetMapping("/imports/{id}")
    IncidentStore.ImportEntry importEntry(@PathVariable long id) {
        return store.importEntry(id).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such import",
                List.of("No import " + id)));
    }

    @GetMapping("/imports/{id}/rejects")
    ResponseEntity<String> rejects(@PathVariable long id) {
        importEntry(id);
        return Csv.of("import-" + id + "-rejects.csv", List.of("line", "reason"),
                store.rejects(id).stream().<List<?>>map(r -> List.of(r.line(), r.reason())).toList());
    }

    @GetMapping("/warnings")
    List<IncidentStore.Warning> warnings() {
        return store.warnings(1000);
    }

    @GetMapping("/profiles")
    Map<String, String> profiles() {
        return profiles.all();
    }

    @PutMapping(value = "/profiles", consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> saveProfile(@RequestBody String yaml) {
        try {
            return Map.of("name", profiles.save(yaml).name());
        }
        catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid profile", List.of(e.getMessage()));
        }
    }

    @GetMapping("/classification/{scheme}")
    List<ClassificationLine> classification(@PathVariable String scheme) {
        return store.classification(scheme).stream().map(c -> new ClassificationLine(c.matchKey(), c.category().key(),
                c.offense(), c.priority() == null ? null : c.priority().key(), c.sensitive())).toList();
    }

    @PutMapping("/classification/{scheme}")
    @PreAuthorize("hasRole('ADMIN')")
    ClassificationLine saveClassification(@PathVariable String scheme, @RequestBody ClassificationLine line) {
        List<String> errors = new ArrayList<>();
        IncidentCategory category = IncidentCategory.of(line.category()).orElse(null);
        if (category == null) {
            errors.add("category: \"" + line.category() + "\" is not a category");
        }
        ServicePriority priority = line.priority() == null || line.priority().isBlank() ? null
                : ServicePriority.of(line.priority()).orElse(null);
        if (priority == null && line.priority() != null && !line.priority().isBlank()) {
            errors.add("priority: \"" + line.priority() + "\" is not a service priority");
        }
        if (line.match() == null || line.match().isBlank() || line.offense() == null || line.offense().isBlank()) {
            errors.add("match and offense are required");
        }
        // PostgreSQL text cannot store a NUL: refused here, not by the insert
        if (NulCharacters.in(line.match())) {
            errors.add("match " + NulCharacters.REASON);
        }
        if (NulCharacters.in(line.offense())) {
            errors.add("offense " + NulCharacters.REASON);
        }
        if (!errors.isEmpty()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid classification row", errors);
        }
        store.saveClassification(scheme, new Classification(line.match(), category, line.offense().trim(), priority,
                line.sensitive()));
        return line;
    }

    /** Staff GeoJSON with exact locations and internal fields (case number); at most 20,000 newest first. */
    @GetMapping(produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> incidents(@RequestParam(required = false) String unit,
                                  @RequestParam(required = false) String level,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) List<String> category,
                                  @RequestParam(required = false) String priority) {
        Params params = new Params();
        UnitKey key = params.unit(trends.catalogue(), level, unit);
        LocalDate last = trends.latestDay().orElse(LocalDate.now());
        TrendFilter filter = params.filter(params.date("from", from, last.minusDays(27)), params.date("to", to, last),
                params.categories(category), List.of(), params.priority(priority));
        Problems.check(params);
        List<Map<String, Object>> features = new ArrayList<>();
        queries.incidents(key == null ? null : key.toString(), filter, TrendQueries.Sensitivity.ALL,
                java.util.Set.of(), 20_000, row -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("source", row.source());
                    p.put("sourceId", row.sourceId());
                    p.put("caseNumber", row.caseNumber());
                    p.put("occurredAt", row.occurredAt().toString());
                    p.put("category", row.category());
                    p.put("offense", row.offense());
                    p.put("description", row.description());
                    p.put("address", row.address());
                    p.put("sensitive", row.sensitive());
                    p.put("units", List.of(row.unitPath()));
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("type", "Feature");
                    f.put("geometry", row.latitude() == null ? null
                            : Map.of("type", "Point", "coordinates", List.of(row.longitude(), row.latitude())));
                    f.put("properties", p);
                    features.add(f);
                });
        return Map.of("type", "FeatureCollection", "features", features);
    }
}
