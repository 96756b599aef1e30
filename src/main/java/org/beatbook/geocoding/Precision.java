package org.beatbook.geocoding;

/** How precisely a geocoded location matches the address typed, best first. */
public enum Precision {
    /** A known address point (OpenAddresses layout). */
    ADDRESS_POINT,
    /** Placed along a known hundred block, or between known blocks of the same street, by house number. */
    INTERPOLATED,
    /** The middle of a known hundred block; the house number was missing. */
    BLOCK,
    /** Only the street was recognised: the middle of its known blocks. */
    STREET,
    /** Answered by the optional external geocoder. */
    EXTERNAL
}
