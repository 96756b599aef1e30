package org.beatbook.geocoding.domain;

/** An address point the gazetteer knows, e.g. 1340 {@code S SAWYER AVE}; street is normalised text. */
public record KnownAddressPoint(String street, int number, GeoPoint location) {
}
