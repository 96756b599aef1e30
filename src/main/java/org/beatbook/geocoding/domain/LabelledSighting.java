package org.beatbook.geocoding.domain;

/**
 * A hundred-block sighting as read, with where it came from ("line 18", "sighting 3") so that a reject can say
 * which; the coordinates stay text until {@link SightingBatch} checks them.
 */
public record LabelledSighting(String where, String block, String latitude, String longitude) {
}
