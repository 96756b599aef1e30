package org.beatbook.incidents.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One incident as the source gave it, checked. Coordinates are NaN when the source gave none.
 *
 * @param sourceUnits the source's own unit labels, level key -> label as written
 */
public record SourceRow(long line, String sourceId, String caseNumber, Instant occurredAt, LocalDate occurredOn,
                        String code, String offenseText, String description, String address, double latitude,
                        double longitude, Map<String, String> sourceUnits, boolean flaggedSensitive) {

    public boolean hasCoordinates() {
        return !Double.isNaN(latitude);
    }
}
