package org.beatbook.geocoding.web;

import java.util.List;

import org.beatbook.geocoding.AddressGeocoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The htmx fragment behind an address field: {@code <li>} links to {@code /find?address=...} for a
 * {@code <ul class="suggestions">}, e.g. {@code hx-get="/geocoding/suggestions" hx-trigger="input changed delay:300ms"}.
 */
@Controller
class SuggestionsFragmentController {

    private static final int SUGGESTIONS = 8;

    private final AddressGeocoder geocoder;

    SuggestionsFragmentController(AddressGeocoder geocoder) {
        this.geocoder = geocoder;
    }

    @GetMapping("/geocoding/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String address, Model model) {
        String typed = address.length() > GeocodingApiController.MAX_QUERY
                ? address.substring(0, GeocodingApiController.MAX_QUERY) : address;
        List<String> suggestions = geocoder.suggest(typed, SUGGESTIONS);
        model.addAttribute("suggestions", suggestions);
        return "geocoding/suggestions";
    }
}
