package org.beatbook.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four service priorities of community policing plans. */
public enum ServicePriority {
    REDUCING_CRIME, TRAFFIC_SAFETY, QUALITY_OF_LIFE, COMMUNITY_ENGAGEMENT;

    /** Built once: imports ask for it for every row. */
    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The key used in files, URLs and the API, e.g. {@code traffic-safety}. */
    public String key() {
        return key;
    }

    public static Optional<ServicePriority> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
