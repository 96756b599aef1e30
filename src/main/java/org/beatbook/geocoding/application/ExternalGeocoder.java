package org.beatbook.geocoding.application;

import java.net.http.HttpClient;
import java.util.Optional;

import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Asks a Nominatim-compatible service ({@code /search?q=&format=jsonv2&limit=1}) where an address is. Any failure
 * (timeout, error status, unreadable answer) counts as "not found": a resident then gets the local suggestions.
 */
@Component
class ExternalGeocoder {

    private static final Logger log = LoggerFactory.getLogger(ExternalGeocoder.class);

    private final ExternalGeocoderProperties properties;
    private final RestClient client;

    ExternalGeocoder(ExternalGeocoderProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(properties.url().toString())
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .build();
    }

    boolean enabled() {
        return properties.enabled();
    }

    Optional<GeocodedAddress> locate(String address) {
        if (!properties.enabled() || address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode places = client.get()
                    .uri(uri -> {
                        uri.path("/search").queryParam("q", "{q}").queryParam("format", "jsonv2")
                                .queryParam("limit", 1);
                        if (properties.viewbox() != null && !properties.viewbox().isBlank()) {
                            uri.queryParam("viewbox", properties.viewbox()).queryParam("bounded", 1);
                        }
                        return uri.build(address);
                    })
                    .retrieve()
                    .body(JsonNode.class);
            if (places == null || !places.isArray() || places.isEmpty()) {
                return Optional.empty();
            }
            JsonNode place = places.get(0);
            return Optional.of(new GeocodedAddress(Double.parseDouble(place.path("lat").asString("")),
                    Double.parseDouble(place.path("lon").asString("")),
                    place.path("display_name").asString(address), Precision.EXTERNAL));
        }
        catch (RestClientException | IllegalArgumentException e) {
            log.warn("External geocoder at {} gave no usable answer: {}", properties.url(), e.getMessage());
            return Optional.empty();
        }
    }
}
