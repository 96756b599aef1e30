package org.beatbook.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Offense categories: the NIBRS groups, plus traffic collisions and quality-of-life calls. */
public enum IncidentCategory {
    PERSONS, PROPERTY, SOCIETY, TRAFFIC, QUALITY_OF_LIFE, OTHER;

    /** Built once: imports ask for it for every row. */
    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The key used in files, URLs and the API, e.g. {@code quality-of-life}. */
    public String key() {
        return key;
    }

    public static Optional<IncidentCategory> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
