package org.beatbook.personnel.domain;

import java.util.List;

/**
 * One thing wrong with some input: the field (form field, JSON property or CSV column), a message key under
 * {@code personnel.error.} and its arguments. Turned into words by the web layer in the reader's language.
 */
public record Violation(String field, String code, List<Object> args) {

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }
}
