package org.beatbook.personnel.application;

import java.util.Locale;

import org.beatbook.personnel.domain.RowError;
import org.beatbook.personnel.domain.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts violations into words (i18n/personnel/messages*.properties, keys personnel.error.*). */
@Component
public class ViolationText {

    private final MessageSource messages;

    public ViolationText(MessageSource messages) {
        this.messages = messages;
    }

    public String message(Violation violation, Locale locale) {
        Object[] args = violation.args().stream().map(a -> a == null ? "" : a.toString()).toArray();
        return messages.getMessage("personnel.error." + violation.code(), args, locale);
    }

    /** "Line 4, column rank: …", or without the column for whole-line problems. */
    public String row(RowError error, Locale locale) {
        String what = message(error.violation(), locale);
        if (error.line() <= 0) {
            return what;
        }
        String column = error.violation().field();
        return column.isEmpty()
                ? messages.getMessage("personnel.roster.line", new Object[] {error.line(), what}, locale)
                : messages.getMessage("personnel.roster.lineColumn", new Object[] {error.line(), column, what}, locale);
    }
}
