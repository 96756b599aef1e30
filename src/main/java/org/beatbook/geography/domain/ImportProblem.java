package org.beatbook.geography.domain;

import java.util.List;

/**
 * One problem found in a boundary file, as a message key of {@code i18n/geography/messages} and its arguments, so
 * that the staff pages, the API and the console can say it in the reader's language.
 * A {@link FeatureRef} argument is rendered as "feature at index 12 (code 1713)".
 */
public record ImportProblem(String key, List<Object> args) {

    public static ImportProblem of(String key, Object... args) {
        return new ImportProblem(key, List.of(args));
    }

    /** Which feature of the file a problem is about: its position in {@code features} (from 0) and its code. */
    public record FeatureRef(int index, String code) {
    }
}
