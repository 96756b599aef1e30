package org.beatbook.geocoding.domain;

/** A hundred block the gazetteer knows, e.g. block 1300 of {@code S SAWYER AVE}; street is normalised text. */
public record KnownBlock(String street, int number, BlockFit fit) {
}
