package org.beatbook.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Offense categories: the NIBRS groups, plus traffic collisions and quality-of-life calls. */
public enum IncidentCategory {
    PERSONS, PROPERTY, SOCIETY, TRAFFIC, QUALITY_OF_LIFE, OTHER;

    /** The key used in files, URLs and the API, e.g. {@code quality-of-life}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<IncidentCategory> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
