package org.beatbook.geography.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.beatbook.geography.BoundaryImportReport;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Levels, boundary imports and the GeoJSON export. Reading is public; changing is for administrators. */
@RestController
@RequestMapping("/api/v1")
class GeographyApiController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final GeographyService geography;
    private final BoundaryUploads uploads;
    private final GeoJsonExport export;
    private final MessageSource messages;

    GeographyApiController(GeographyService geography, BoundaryUploads uploads, GeoJsonExport export,
                           MessageSource messages) {
        this.geography = geography;
        this.uploads = uploads;
        this.export = export;
        this.messages = messages;
    }

    record LevelRequest(String key, String name, String pluralName) {
    }

    record LevelResponse(String key, String name, String pluralName, int depth, int unitCount) {
    }

    @GetMapping("/levels")
    List<LevelResponse> levels() {
        Map<String, Integer> counts = geography.unitCounts();
        return geography.levels().stream().map(l -> response(l, counts)).toList();
    }

    @PutMapping("/levels")
    @PreAuthorize("hasRole('ADMIN')")
    List<LevelResponse> defineLevels(@RequestBody List<LevelRequest> topDown) {
        geography.defineLevels(topDown.stream().map(l -> new LevelDefinition(l.key(), l.name(), l.pluralName())).toList());
        return levels();
    }

    @PostMapping(path = "/levels/{level}/boundaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    BoundaryImportReport importUpload(@PathVariable String level, @RequestPart("file") MultipartFile file,
                                      @RequestParam String codeProperty,
                                      @RequestParam(required = false) String nameProperty,
                                      @RequestParam(required = false) String parentProperty,
                                      @RequestParam(defaultValue = "false") boolean repair,
                                      Principal principal, Locale locale) throws IOException {
        if (uploads.tooLarge(file.getSize())) {
            throw tooLarge(locale);
        }
        try (InputStream in = file.getInputStream()) {
            return importBoundaries(new BoundaryImportRequest(level, codeProperty, nameProperty, parentProperty, repair),
                    in, file.getOriginalFilename(), principal, locale);
        }
    }

    @PostMapping(path = "/levels/{level}/boundaries",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    BoundaryImportReport importBody(@PathVariable String level, @RequestParam String codeProperty,
                                    @RequestParam(required = false) String nameProperty,
                                    @RequestParam(required = false) String parentProperty,
                                    @RequestParam(defaultValue = "false") boolean repair,
                                    HttpServletRequest request, Principal principal, Locale locale) throws IOException {
        if (uploads.tooLarge(request.getContentLengthLong())) {
            throw tooLarge(locale);
        }
        try (InputStream in = uploads.limit(request.getInputStream())) {
            return importBoundaries(new BoundaryImportRequest(level, codeProperty, nameProperty, parentProperty, repair),
                    in, null, principal, locale);
        }
        catch (BoundaryUploads.TooLarge e) {
            throw tooLarge(locale);
        }
    }

    @PostMapping("/levels/{level}/derived")
    @PreAuthorize("hasRole('ADMIN')")
    BoundaryImportReport derive(@PathVariable String level, @RequestParam String from, @RequestParam int prefix,
                                Principal principal, Locale locale) {
        return accepted(geography.deriveLevel(level, from, prefix, principal.getName()), locale);
    }

    @GetMapping("/units.geojson")
    ResponseEntity<String> units(@RequestParam String level, @RequestParam(required = false) Double simplify,
                                 Locale locale) {
        if (simplify != null && !(simplify >= 0 && simplify <= GeoJsonExport.MAX_SIMPLIFY_METERS)) {
            throw problem(HttpStatus.BAD_REQUEST, "geography.api.bad-simplify", locale, GeoJsonExport.MAX_SIMPLIFY_METERS);
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(export.featureCollection(level, simplify));
    }

    private BoundaryImportReport importBoundaries(BoundaryImportRequest request, InputStream in, String fileName,
                                                  Principal principal, Locale locale) {
        String source = fileName == null || fileName.isBlank()
                ? messages.getMessage("geography.api.request-body", null, locale) : fileName;
        return accepted(geography.importBoundaries(request, in, source, principal.getName()), locale);
    }

    /** A refused file is the client's problem to fix: 422 with every error and warning, nothing changed. */
    private BoundaryImportReport accepted(BoundaryImportReport report, Locale locale) {
        if (report.accepted()) {
            return report;
        }
        ErrorResponseException rejected = problem(HttpStatus.UNPROCESSABLE_CONTENT, "geography.api.rejected", locale,
                report.errors().size());
        ProblemDetail body = rejected.getBody();
        body.setProperty("featureCount", report.featureCount());
        body.setProperty("errors", report.errors());
        body.setProperty("warnings", report.warnings());
        throw rejected;
    }

    private ErrorResponseException tooLarge(Locale locale) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "geography.problem.too-large", locale, uploads.maxSize().toMegabytes() + " MB");
    }

    ErrorResponseException problem(HttpStatus status, String key, Locale locale, Object... args) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, locale));
        detail.setTitle(messages.getMessage(key + ".title", null, status.getReasonPhrase(), locale));
        return new ErrorResponseException(status, detail, null);
    }

    private static LevelResponse response(UnitLevel level, Map<String, Integer> counts) {
        return new LevelResponse(level.key(), level.name(), level.pluralName(), level.depth(),
                counts.getOrDefault(level.key(), 0));
    }
}
