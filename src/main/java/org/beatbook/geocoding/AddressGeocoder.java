package org.beatbook.geocoding;

import java.util.List;

/** Finds where an address is: the local gazetteer first, then the optional external geocoder if one is configured. */
public interface AddressGeocoder {

    GeocodeAnswer geocode(String address);

    /** Addresses the gazetteer knows that start like (or closely resemble) what the resident has typed so far. */
    List<String> suggest(String partialAddress, int limit);
}
