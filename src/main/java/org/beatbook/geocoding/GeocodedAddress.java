package org.beatbook.geocoding;

/** A location found for an address, WGS84 degrees, with the address as the gazetteer knows it. */
public record GeocodedAddress(double latitude, double longitude, String matchedAddress, Precision precision) {
}
