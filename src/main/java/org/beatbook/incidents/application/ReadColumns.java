package org.beatbook.incidents.application;

import java.util.Arrays;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;

/**
 * Hands FastCSV's records over as lists of fields, like its own record handler, but makes strings only of the columns
 * the profile reads, once it knows them ({@link #readOnly}); the others stay empty. Chicago's export has 22 columns,
 * the import reads 13: the other nine were a million rows' worth of strings made, handed to another thread and
 * thrown away. The header is read whole.
 */
final class ReadColumns extends AbstractBaseCsvCallbackHandler<ReadColumns.Record> {

    /** A record's fields (as many as it has) and the line it starts on. */
    record Record(long line, List<String> fields) {
    }

    /** As many fields as FastCSV's own handler accepts in a record. */
    static final int MAX_FIELDS = 16_384;

    /** Null until the columns are known: every field is read. */
    private boolean[] read;
    private String[] fields = new String[32];

    /** From the next record on, only these columns (indexes from 0) are made strings. */
    void readOnly(int[] columns) {
        read = new boolean[Arrays.stream(columns).max().orElse(-1) + 1];
        for (int column : columns) {
            read[column] = true;
        }
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        if (index >= MAX_FIELDS) {
            throw new CsvParseException("The record starting at line " + getStartingLineNumber() + " has more than "
                    + MAX_FIELDS + " fields");
        }
        if (index == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[index] = read == null || index < read.length && read[index] ? new String(buffer, offset, length) : "";
    }

    @Override
    protected Record buildRecord() {
        return new Record(getStartingLineNumber(), Arrays.asList(Arrays.copyOf(fields, getFieldCount())));
    }
}
