package org.beatbook.geocoding;

import java.util.List;

/**
 * @param read rows or sightings read
 * @param added addresses or blocks the gazetteer now knows that it did not before
 * @param rejected rows that could not be used, each naming the line and what is wrong
 */
public record GazetteerImportReport(int read, int added, List<String> rejected) {
}
