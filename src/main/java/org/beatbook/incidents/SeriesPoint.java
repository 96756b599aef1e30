package org.beatbook.incidents;

import java.time.LocalDate;

/** A count for one period (a week starting Monday or a calendar month) and category. */
public record SeriesPoint(LocalDate periodStart, IncidentCategory category, long count) {
}
