package org.beatbook.geocoding.domain;

/**
 * What a resident typed, normalised: a house number ({@code 1340}) or a hundred block ({@code 013XX} is block
 * 1300), or neither, and a street.
 *
 * @param houseNumber the house number, or null
 * @param hundredBlock the first number of a hundred block typed as such ({@code 013XX} -> 1300), or null
 */
public record ParsedAddress(Integer houseNumber, Integer hundredBlock, StreetName street) {

    public static final ParsedAddress EMPTY = new ParsedAddress(null, null, new StreetName(null, "", null, null));

    public boolean isEmpty() {
        return street.isEmpty();
    }

    /** The normalised address, e.g. {@code 1340 S SAWYER AVE} or {@code 13XX S SAWYER AVE} for a block. */
    public String text() {
        if (houseNumber != null) {
            return (houseNumber + " " + street.text()).trim();
        }
        if (hundredBlock != null) {
            return (blockLabel(hundredBlock) + " " + street.text()).trim();
        }
        return street.text();
    }

    /** Block 1300 is written {@code 13XX}, block 0 {@code 0XX}. */
    public static String blockLabel(int hundredBlock) {
        return (hundredBlock / 100) + "XX";
    }
}
