package org.beatbook.geocoding.domain;

import java.util.List;

/**
 * Address points read from a file, ready to add to the gazetteer.
 *
 * @param read rows read
 * @param points the usable points, one per street and house number
 * @param rejected unusable rows, each naming its line and what is wrong
 */
public record AddressPointBatch(int read, List<KnownAddressPoint> points, List<String> rejected) {
}
