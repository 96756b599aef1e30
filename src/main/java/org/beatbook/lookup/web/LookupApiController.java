package org.beatbook.lookup.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.lookup.AddressNotFoundException;
import org.beatbook.lookup.NeighborhoodFinder;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Lookup", description = "Find the units and officers that serve an address or a point")
@RestController
@RequestMapping("/api/v1/lookup")
class LookupApiController {

    private final NeighborhoodFinder finder;
    private final MessageSource messages;

    LookupApiController(NeighborhoodFinder finder, MessageSource messages) {
        this.finder = finder;
        this.messages = messages;
    }

    @Operation(summary = "Units and officers for an address or a point",
            description = "Give either address, or lat and lon (WGS84 degrees). 400 for malformed input, 404 when the "
                    + "address is not found (with suggestions). A point outside every unit answers 200 with "
                    + "insideServiceArea=false and the nearest unit.")
    @GetMapping
    ResponseEntity<?> lookup(@Parameter(description = "street address, e.g. 1340 S Sawyer Ave") @RequestParam(required = false) String address,
                             @Parameter(description = "latitude in degrees, -90..90") @RequestParam(required = false) String lat,
                             @Parameter(description = "longitude in degrees, -180..180") @RequestParam(required = false) String lon,
                             Locale locale) {
        LookupQuery query = new LookupQuery(address, lat, lon);
        List<LookupQuery.Problem> problems = query.problems();
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            problem.setTitle("Invalid lookup");
            problem.setType(URI.create("urn:beatbook:problem:invalid-lookup"));
            List<Map<String, String>> errors = problems.stream()
                    .map(p -> Map.of("parameter", p.parameter(), "message", messages.getMessage(p.messageKey(), null, locale)))
                    .toList();
            problem.setDetail(String.join(" ", errors.stream().map(e -> e.get("message")).toList()));
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().body(problem);
        }
        var neighborhood = query.isPoint()
                ? finder.findByPoint(query.latitude(), query.longitude())
                : finder.findByAddress(query.address().strip());
        return ResponseEntity.ok(LookupResponse.of(neighborhood));
    }

    @ExceptionHandler(AddressNotFoundException.class)
    ProblemDetail notFound(AddressNotFoundException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("lookup.notFound", new Object[] {e.address()}, locale));
        problem.setTitle("Address not found");
        problem.setType(URI.create("urn:beatbook:problem:address-not-found"));
        problem.setProperty("suggestions", e.suggestions());
        return problem;
    }
}
