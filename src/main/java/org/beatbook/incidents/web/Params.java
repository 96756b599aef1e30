package org.beatbook.incidents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLevel;
import org.beatbook.geography.UnitRef;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.TrendFilter;

/**
 * Reads the filters shared by pages and API (dates, categories, offenses, priority, unit), collecting a message per
 * bad parameter so that pages can show them next to the field and the API can list them in a problem detail.
 */
final class Params {

    final List<String[]> errors = new ArrayList<>();

    /** A date, or the fallback when blank. */
    LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        }
        catch (DateTimeParseException e) {
            errors.add(new String[] {name, "\"" + value + "\" is not a date (YYYY-MM-DD)"});
            return fallback;
        }
    }

    Set<IncidentCategory> categories(List<String> values) {
        Set<IncidentCategory> categories = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v.isBlank()) {
                continue;
            }
            IncidentCategory.of(v).ifPresentOrElse(categories::add, () -> errors.add(new String[] {"category",
                    "\"" + v + "\" is not a category (" + String.join(", ", java.util.Arrays.stream(
                            IncidentCategory.values()).map(IncidentCategory::key).toList()) + ")"}));
        }
        return categories;
    }

    ServicePriority priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ServicePriority.of(value).orElseGet(() -> {
            errors.add(new String[] {"priority", "\"" + value + "\" is not a service priority ("
                    + String.join(", ", java.util.Arrays.stream(ServicePriority.values()).map(ServicePriority::key)
                    .toList()) + ")"});
            return null;
        });
    }

    /**
     * A unit as {@code level:code}, or a bare code with an optional level (the code must then be unique); null for
     * city-wide.
     */
    UnitKey unit(UnitCatalogue catalogue, String level, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim();
        String wanted = level == null || level.isBlank() ? null : level.trim();
        if (code.contains(":")) {
            wanted = code.substring(0, code.indexOf(':'));
            code = code.substring(code.indexOf(':') + 1);
        }
        List<UnitRef> matches = new ArrayList<>();
        for (UnitLevel l : catalogue.levels()) {
            if (wanted == null || wanted.equals(l.key())) {
                catalogue.unit(new UnitKey(l.key(), code)).ifPresent(matches::add);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0).key();
        }
        errors.add(new String[] {"unit", matches.isEmpty() ? "No unit \"" + value + "\"" + (wanted == null ? ""
                : " at level " + wanted) : "\"" + value + "\" is ambiguous: give the level, e.g. level=district"});
        return null;
    }

    TrendFilter filter(LocalDate from, LocalDate to, Set<IncidentCategory> categories, List<String> offenses,
                       ServicePriority priority) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new String[] {"to", "the end date " + to + " is before the start date " + from});
        }
        return new TrendFilter(from, to, categories, offenses == null ? Set.of() : offenses.stream()
                .filter(o -> !o.isBlank()).collect(java.util.stream.Collectors.toSet()), priority);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    List<String> messages() {
        return errors.stream().map(e -> e[0] + ": " + e[1]).toList();
    }
}
