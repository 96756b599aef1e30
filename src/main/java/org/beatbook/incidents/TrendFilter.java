package org.beatbook.incidents;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to count. Empty sets mean "all".
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param categories only these categories
 * @param offenses only these offenses (as classified, e.g. {@code Robbery})
 * @param priority only this service priority, or null
 */
public record TrendFilter(LocalDate from, LocalDate to, Set<IncidentCategory> categories, Set<String> offenses,
                          ServicePriority priority) {

    public TrendFilter {
        categories = Set.copyOf(categories);
        offenses = Set.copyOf(offenses);
    }

    public static TrendFilter between(LocalDate from, LocalDate to) {
        return new TrendFilter(from, to, Set.of(), Set.of(), null);
    }

    public TrendFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new TrendFilter(newFrom, newTo, categories, offenses, priority);
    }
}
