package org.beatbook.incidents.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes an import has consumed (its progress) and remembers a failure of the source itself, which the
 * CSV parser would otherwise report like malformed CSV: a broken upload must fail the import, not end it early.
 */
final class MeteredInput extends FilterInputStream {

    private volatile long count;
    private volatile IOException failure;

    MeteredInput(InputStream in) {
        super(in);
    }

    long count() {
        return count;
    }

    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
        catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
