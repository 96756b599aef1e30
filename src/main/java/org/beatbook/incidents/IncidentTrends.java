package org.beatbook.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.beatbook.geography.UnitKey;

/**
 * The numbers other features quote (newsletters, community policing plans, problem assessments): staff-level
 * counts of all imported incidents, from daily pre-aggregated counts.
 */
public interface IncidentTrends {

    /** The day of the latest imported incident: the natural "as of" date of CompStat. */
    Optional<LocalDate> latestDay();

    /**
     * CompStat for the units of {@code level} (all of them, or only the children of {@code parent} when given),
     * one row per unit with all categories (category null) followed by one row per category, as of {@code asOf}.
     * The filter's dates are ignored (the periods come from {@code asOf}); its categories and priority apply.
     */
    List<CompStatRow> compStat(String level, UnitKey parent, LocalDate asOf, TrendFilter filter);

    /** Counts per period and category for a unit, or city-wide when {@code unit} is null. */
    List<SeriesPoint> series(UnitKey unit, Interval interval, TrendFilter filter);

    /** Counts per unit of a level (every unit of the level, zeros included). */
    List<UnitCount> countsByUnit(String level, TrendFilter filter);

    /** The total for a unit (city-wide when null). */
    long count(UnitKey unit, TrendFilter filter);
}
