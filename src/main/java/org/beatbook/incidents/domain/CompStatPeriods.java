package org.beatbook.incidents.domain;

import java.time.LocalDate;

/**
 * The CompStat periods as of a day: the last 7 and 28 days, and the year to date, each with its comparison period a
 * year earlier (364 days back for 7 and 28 days so weekdays line up; the same dates last year for year to date).
 */
public record CompStatPeriods(LocalDate asOf) {

    public LocalDate weekStart() {
        return asOf.minusDays(6);
    }

    public LocalDate monthStart() {
        return asOf.minusDays(27);
    }

    public LocalDate yearStart() {
        return asOf.withDayOfYear(1);
    }

    public LocalDate previous(LocalDate day) {
        return day.minusDays(364);
    }

    public LocalDate previousYearStart() {
        return yearStart().minusYears(1);
    }

    public LocalDate previousYearToDate() {
        return asOf.minusYears(1);
    }
}
