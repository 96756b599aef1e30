package org.beatbook.geocoding.web;

import java.util.List;
import java.util.Locale;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.GeocodeAnswer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON: where an address is, and suggestions while it is being typed. */
@RestController
@RequestMapping("/api/v1/geocode")
class GeocodingApiController {

    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY = 200;

    private final AddressGeocoder geocoder;
    private final MessageSource messages;

    GeocodingApiController(AddressGeocoder geocoder, MessageSource messages) {
        this.geocoder = geocoder;
        this.messages = messages;
    }

    @GetMapping("/suggestions")
    List<String> suggestions(@RequestParam(name = "q", defaultValue = "") String query,
                             @RequestParam(defaultValue = "8") int limit, Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badRequest("geocoding.api.limit", locale, "limit", MAX_LIMIT);
        }
        checkLength(query, "q", locale);
        return geocoder.suggest(query, limit);
    }

    @GetMapping
    GeocodeResponse geocode(@RequestParam(defaultValue = "") String address, Locale locale) {
        if (address.isBlank()) {
            throw badRequest("geocoding.api.address-missing", locale, "address");
        }
        checkLength(address, "address", locale);
        GeocodeAnswer answer = geocoder.geocode(address);
        return new GeocodeResponse(answer.match().map(m -> new Match(m.latitude(), m.longitude(),
                m.matchedAddress(), m.precision().name())).orElse(null), answer.suggestions());
    }

    private void checkLength(String value, String parameter, Locale locale) {
        if (value.length() > MAX_QUERY) {
            throw badRequest("geocoding.api.too-long", locale, parameter, MAX_QUERY);
        }
    }

    private ErrorResponseException badRequest(String key, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(key, arguments, locale));
        problem.setProperty("parameter", arguments[0]);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** @param match null when the address was not found; then suggestions lists known addresses like it */
    record GeocodeResponse(Match match, List<String> suggestions) {
    }

    /** @param precision ADDRESS_POINT, INTERPOLATED, BLOCK, STREET or EXTERNAL */
    record Match(double latitude, double longitude, String matchedAddress, String precision) {
    }
}
