package org.beatbook.incidents.domain;

import java.util.List;

/**
 * An incident ready to be written: the source row, its classification and where it is counted.
 *
 * @param latitude the source's or the geocoded latitude, NaN when unknown
 * @param unitPath the units counting it, top level first, as level:code
 * @param sourceUnits the source's labels as level:label
 * @param warning a data-quality warning for the analyst, or null
 */
public record StagedIncident(SourceRow row, Classification classification, boolean sensitive, double latitude,
                             double longitude, boolean geocoded, List<String> unitPath, List<String> sourceUnits,
                             String warning) {
}
