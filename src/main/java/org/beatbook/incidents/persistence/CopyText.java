package org.beatbook.incidents.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows in PostgreSQL's COPY text format, collected in memory until taken. Not thread-safe: each import worker has
 * its own.
 */
public final class CopyText {

    private static final int MAX_ARRAYS = 10_000;

    private final StringBuilder rows = new StringBuilder(1 << 16);
    private final Map<List<String>, String> arrays = new HashMap<>();

    public CopyText text(String value) {
        if (value == null) {
            rows.append("\\N\t");
            return this;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        // Most values need no escaping: copy them whole rather than a character at a time.
        rows.append(value, 0, plain);
        for (int k = plain; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        rows.append('\t');
        return this;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    public CopyText number(long value) {
        rows.append(value).append('\t');
        return this;
    }

    /** NaN is NULL. */
    public CopyText number(double value) {
        if (Double.isNaN(value)) {
            rows.append("\\N\t");
        }
        else {
            rows.append(value).append('\t');
        }
        return this;
    }

    public CopyText flag(boolean value) {
        rows.append(value ? 't' : 'f').append('\t');
        return this;
    }

    /** An ISO date, written digit by digit: {@code LocalDate.toString} cost more than the rest of the row's dates. */
    public CopyText date(LocalDate day) {
        if (!fourDigitYear(day.getYear())) {
            rows.append(day).append('\t');
            return this;
        }
        isoDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        rows.append('\t');
        return this;
    }

    /** An instant in ISO form in UTC, written digit by digit for the same reason. */
    public CopyText instant(Instant at) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (!fourDigitYear(utc.getYear())) {
            rows.append(at).append('\t');
            return this;
        }
        isoDate(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
        rows.append('T');
        padded(utc.getHour(), 2).append(':');
        padded(utc.getMinute(), 2).append(':');
        padded(utc.getSecond(), 2);
        if (utc.getNano() != 0) {
            rows.append('.');
            padded(utc.getNano(), 9);
        }
        rows.append("Z\t");
        return this;
    }

    private static boolean fourDigitYear(int year) {
        return year >= 0 && year <= 9999;
    }

    private void isoDate(int year, int month, int day) {
        padded(year, 4).append('-');
        padded(month, 2).append('-');
        padded(day, 2);
    }

    private StringBuilder padded(int value, int width) {
        for (int digits = value == 0 ? 1 : (int) Math.log10(value) + 1; digits < width; digits++) {
            rows.append('0');
        }
        return rows.append(value);
    }

    /**
     * A text[] literal with every element quoted, so codes with spaces or commas survive. An import repeats the same
     * few hundred unit paths, so each literal is built once.
     */
    public CopyText array(List<String> values) {
        String literal = arrays.get(values);
        if (literal == null) {
            StringBuilder built = new StringBuilder("{");
            for (int k = 0; k < values.size(); k++) {
                if (k > 0) {
                    built.append(',');
                }
                built.append('"').append(values.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            literal = built.append('}').toString();
            if (arrays.size() < MAX_ARRAYS) {
                arrays.put(List.copyOf(values), literal);
            }
        }
        return text(literal);
    }

    /** Ends the row (its last value was followed by a tab). */
    public CopyText endRow() {
        rows.setCharAt(rows.length() - 1, '\n');
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int length() {
        return rows.length();
    }

    /** The rows so far as UTF-8, and a fresh start. */
    public byte[] take() {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        return bytes;
    }
}
