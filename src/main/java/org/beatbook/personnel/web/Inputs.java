package org.beatbook.personnel.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.beatbook.personnel.domain.Violation;

/** Text from forms and JSON turned into values; a value that does not parse becomes a violation naming its field. */
final class Inputs {

    private Inputs() {
    }

    static LocalDate date(String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            problems.add(Violation.of(field, "date", text));
            return null;
        }
    }

    static boolean flag(Boolean value, boolean absent) {
        return value == null ? absent : value;
    }

    static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
