package org.beatbook.geocoding.application;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional external geocoder (a Nominatim-compatible {@code /search} API), asked only when the local gazetteer
 * finds nothing. Off by default: addresses typed by residents then never leave the server.
 *
 * @param url the service's base URL; {@code /search} is appended
 * @param timeout how long to wait for a connection and for the answer
 * @param userAgent sent with every request (Nominatim's usage policy requires one that identifies the site)
 * @param viewbox optional {@code left,top,right,bottom} in degrees; results are then bounded to it
 */
@ConfigurationProperties("beatbook.geocoding.external")
public record ExternalGeocoderProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://nominatim.openstreetmap.org") URI url,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("Beatbook community policing (https://github.com/beatbook)") String userAgent,
        String viewbox) {
}
