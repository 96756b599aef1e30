package org.beatbook.incidents.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beatbook.incidents.IncidentCategory;

/**
 * Classifies by the code-to-category table: the offense code first (e.g. IUCR 0486 is domestic battery), then the
 * offense text (BATTERY), then the description; anything unknown is OTHER with its own text as offense.
 */
public final class Classifier {

    private final Map<String, Classification> table = new HashMap<>();

    public Classifier(List<Classification> rows) {
        rows.forEach(r -> table.put(key(r.matchKey()), r));
    }

    public Classification classify(String code, String offenseText, String description) {
        for (String candidate : new String[] {code, offenseText, description}) {
            if (candidate != null && !candidate.isBlank()) {
                Classification found = table.get(key(candidate));
                if (found != null) {
                    return found;
                }
            }
        }
        String text = offenseText != null && !offenseText.isBlank() ? offenseText
                : description != null && !description.isBlank() ? description : "Unclassified";
        return new Classification("", IncidentCategory.OTHER, capitalised(text), null, false);
    }

    private static String key(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    private static String capitalised(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
