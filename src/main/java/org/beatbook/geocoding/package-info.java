/**
 * Geocoding: turns what a resident types into a location, with a local gazetteer that needs no outside service.
 * Public API: {@link org.beatbook.geocoding.AddressGeocoder} and {@link org.beatbook.geocoding.Gazetteer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geocoding")
package org.beatbook.geocoding;
