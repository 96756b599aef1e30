package org.beatbook.incidents.persistence;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format, collected in memory until taken. Not thread-safe: each import worker has
 * its own.
 */
public final class CopyText {

    private final StringBuilder rows = new StringBuilder(1 << 16);

    public CopyText text(String value) {
        if (value == null) {
            rows.append("\\N\t");
            return this;
        }
        for (int k = 0; k < value.length(); k++) {
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

    /** Dates, instants and anything else whose {@code toString} PostgreSQL reads as is. */
    public CopyText literal(Object value) {
        rows.append(value).append('\t');
        return this;
    }

    /** A text[] literal with every element quoted, so codes with spaces or commas survive. */
    public CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text(literal.append('}').toString());
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
