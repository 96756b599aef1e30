package org.beatbook.incidents.domain;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast parser for fixed-width date patterns such as {@code MM/dd/yyyy hh:mm:ss a} (digits at fixed places,
 * single-character literals): an import spends much of its time in {@code DateTimeFormatter} otherwise. Invalid
 * dates are refused (February 31 is an error, not February 28).
 */
public final class FixedDateParser {

    private record Field(char letter, int start, int width) {
    }

    private final int length;
    private final List<Field> fields;
    private final String literals;

    private FixedDateParser(int length, List<Field> fields, String literals) {
        this.length = length;
        this.fields = fields;
        this.literals = literals;
    }

    /** A parser for the pattern, or null when the pattern is not a fixed-width one this class knows. */
    public static FixedDateParser of(String pattern) {
        List<Field> fields = new ArrayList<>();
        StringBuilder literals = new StringBuilder();
        int at = 0;
        int k = 0;
        while (k < pattern.length()) {
            char c = pattern.charAt(k);
            int run = 1;
            while (k + run < pattern.length() && pattern.charAt(k + run) == c) {
                run++;
            }
            String token = String.valueOf(c).repeat(run);
            switch (token) {
                case "MM", "dd", "HH", "hh", "mm", "ss", "yyyy", "uuuu" -> {
                    fields.add(new Field(c == 'u' ? 'y' : c, at, run));
                    literals.append("?".repeat(run));
                    at += run;
                }
                case "a" -> {
                    fields.add(new Field('a', at, 2));
                    literals.append("??");
                    at += 2;
                }
                default -> {
                    if (Character.isLetter(c) || c == '\'' || run > 1 && !(c == ' ' || c == '-' || c == '/' || c == ':')) {
                        return null;
                    }
                    literals.append(token);
                    at += run;
                }
            }
            k += run;
        }
        long hours12 = fields.stream().filter(f -> f.letter() == 'h').count();
        long markers = fields.stream().filter(f -> f.letter() == 'a').count();
        if (hours12 != markers) {
            return null;
        }
        return new FixedDateParser(at, List.copyOf(fields), literals.toString());
    }

    public LocalDateTime parse(String text) {
        if (text.length() != length) {
            throw new DateTimeException("wrong length");
        }
        for (int k = 0; k < length; k++) {
            char expected = literals.charAt(k);
            if (expected != '?' && text.charAt(k) != expected) {
                throw new DateTimeException("unexpected character");
            }
        }
        int year = 0;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        boolean twelve = false;
        boolean pm = false;
        for (Field f : fields) {
            if (f.letter() == 'a') {
                String marker = text.substring(f.start(), f.start() + 2);
                if (marker.equalsIgnoreCase("PM")) {
                    pm = true;
                }
                else if (!marker.equalsIgnoreCase("AM")) {
                    throw new DateTimeException("not AM or PM");
                }
                continue;
            }
            int value = 0;
            for (int k = f.start(); k < f.start() + f.width(); k++) {
                char c = text.charAt(k);
                if (c < '0' || c > '9') {
                    throw new DateTimeException("not a digit");
                }
                value = value * 10 + (c - '0');
            }
            switch (f.letter()) {
                case 'y' -> year = value;
                case 'M' -> month = value;
                case 'd' -> day = value;
                case 'H' -> hour = value;
                case 'h' -> {
                    if (value < 1 || value > 12) {
                        throw new DateTimeException("hour of AM/PM out of range");
                    }
                    hour = value;
                    twelve = true;
                }
                case 'm' -> minute = value;
                case 's' -> second = value;
                default -> throw new IllegalStateException();
            }
        }
        if (twelve) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }
}
