package org.beatbook.incidents.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.beatbook.incidents.domain.IdentityMemo;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format, collected in memory until taken. Binary, because with text PostgreSQL
 * spent most of its share of an import parsing timestamps and numbers back from text (and Java formatting
 * them), and nothing needs escaping. A stream is {@link #HEADER}, the rows, then {@link #TRAILER}. Not thread-safe:
 * each import worker has its own.
 */
public final class CopyBinary {

    /** Signature, flags and header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** A field count of -1. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private static final int MAX_LABELS = 10_000;
    /** PostgreSQL counts dates and timestamps from 2000-01-01. */
    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400;

    private byte[] bytes = new byte[1 << 16];
    private int length;
    private int rowStart = -1;
    private int fields;
    private final IdentityMemo<String, byte[]> labels = new IdentityMemo<>(MAX_LABELS);

    public CopyBinary text(String value) {
        if (value == null) {
            return nothing();
        }
        return field(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A text that comes back as the same object row after row (a level, a category): encoded once. */
    public CopyBinary label(String value) {
        if (value == null) {
            return nothing();
        }
        return field(labels.computeIfAbsent(value, same -> same.getBytes(StandardCharsets.UTF_8)));
    }

    public CopyBinary bigint(long value) {
        return eightBytes(value);
    }

    public CopyBinary integer(int value) {
        begin(4);
        putInt(value);
        return this;
    }

    /** A double precision; NaN is NULL. */
    public CopyBinary float8(double value) {
        return Double.isNaN(value) ? nothing() : eightBytes(Double.doubleToLongBits(value));
    }

    public CopyBinary flag(boolean value) {
        begin(1);
        bytes[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    public CopyBinary date(LocalDate day) {
        return date(day.toEpochDay());
    }

    public CopyBinary date(long epochDay) {
        begin(4);
        putInt(Math.toIntExact(epochDay - EPOCH_DAY_2000));
        return this;
    }

    /** To the microsecond, as PostgreSQL keeps it. */
    public CopyBinary instant(Instant at) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond() - EPOCH_SECOND_2000, 1_000_000L),
                (at.getNano() + 500) / 1_000);
        return eightBytes(micros);
    }

    /** Ends the row: its field count goes in front of it. */
    public CopyBinary endRow() {
        bytes[rowStart] = (byte) (fields >>> 8);
        bytes[rowStart + 1] = (byte) fields;
        rowStart = -1;
        return this;
    }

    /**
     * Overwrites the first field of a row taken from here, which must be a bigint: rows built once can then go to
     * tables whose first column differs in meaning but not in type.
     */
    static void setFirstBigint(byte[] rows, int rowStart, long value) {
        // field count (2 bytes), field length (4 bytes), then the value
        for (int k = 0; k < Long.BYTES; k++) {
            rows[rowStart + 6 + k] = (byte) (value >>> (56 - 8 * k));
        }
    }

    public int length() {
        return length;
    }

    /**
     * Sends the rows so far to a COPY under way, and starts afresh in the same buffer: no copy of the rows is made,
     * which for chunks of half a megabyte or more would each be a "humongous" allocation to G1.
     */
    void writeTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, length);
        length = 0;
    }

    /** The rows so far, and a fresh start. */
    public byte[] take() {
        byte[] taken = Arrays.copyOf(bytes, length);
        length = 0;
        return taken;
    }

    private CopyBinary nothing() {
        begin(-1);
        return this;
    }

    private CopyBinary eightBytes(long bits) {
        begin(8);
        putLong(bits);
        return this;
    }

    private CopyBinary field(byte[] value) {
        begin(value.length);
        put(value);
        return this;
    }

    /** Starts a field of the given size, -1 for NULL (and the row, before its first field). */
    private void begin(int size) {
        if (rowStart < 0) {
            ensure(2);
            rowStart = length;
            length += 2;
            fields = 0;
        }
        fields++;
        ensure(4 + Math.max(size, 0));
        putInt(size);
    }

    private void put(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    private void putInt(int value) {
        ensure(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
