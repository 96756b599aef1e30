package org.beatbook.newsletters.domain;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The time an issue covers: a quarter (the default) or a month, named after its first month, e.g. "July 2026".
 */
public record Period(Kind kind, YearMonth start) {

    public enum Kind {
        QUARTER, MONTH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** Quarters start in January, April, July or October. */
    public boolean valid() {
        return kind == Kind.MONTH || (start.getMonthValue() - 1) % 3 == 0;
    }

    /** "July 2026", "Julio de 2026": the month in the reader's language, capitalised as a title. */
    public String label(Locale locale) {
        String month = start.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        String pattern = "es".equals(locale.getLanguage()) ? "'" + month + "' 'de' yyyy" : "'" + month + "' yyyy";
        String label = start.format(DateTimeFormatter.ofPattern(pattern, locale));
        return label.substring(0, 1).toUpperCase(locale) + label.substring(1);
    }

    /** The quarter containing the month (or the month itself): the default for a new issue. */
    public static Period current(Kind kind, YearMonth month) {
        return new Period(kind, kind == Kind.QUARTER ? month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1) : month);
    }
}
