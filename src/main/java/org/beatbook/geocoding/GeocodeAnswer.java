package org.beatbook.geocoding;

import java.util.List;
import java.util.Optional;

/**
 * The answer to an address search: a match, or none with suggestions of addresses the gazetteer knows.
 * A location is never invented: no match means {@code match} is empty.
 */
public record GeocodeAnswer(Optional<GeocodedAddress> match, List<String> suggestions) {
}
