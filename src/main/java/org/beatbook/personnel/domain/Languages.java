package org.beatbook.personnel.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Languages a member speaks, as ISO 639-1 codes ("en", "es"); shown as names ("English", "Spanish"). */
public final class Languages {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /** Splits "en; es", "en es" or "en,es" into codes, lower-cased and without repeats, in the given order. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.trim().split("[\\s,;|]+"))
                .map(code -> code.toLowerCase(Locale.ROOT)).toList()));
    }

    public static boolean known(String code) {
        return ISO_639_1.contains(code);
    }

    public static String join(List<String> codes) {
        return String.join(",", codes);
    }
}
