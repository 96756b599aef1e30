package org.beatbook.incidents;

import org.beatbook.geography.UnitRef;

/**
 * One line of a CompStat table: a unit and a category (null = all categories) over the last 7 days, the last 28
 * days and the year to date, each against the same period a year earlier (364 days back for 7 and 28 days, so
 * weekdays line up; the same calendar dates for the year to date).
 */
public record CompStatRow(UnitRef unit, IncidentCategory category, PeriodComparison week, PeriodComparison month,
                          PeriodComparison yearToDate) {
}
