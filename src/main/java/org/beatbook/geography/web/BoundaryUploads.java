package org.beatbook.geography.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The size limit for boundary files sent over the web. A city's beats are a few megabytes; the limit stops a
 * mistaken upload (an aerial photo, a whole state's parcels) from filling memory.
 */
@Component
class BoundaryUploads {

    private final DataSize maxSize;

    BoundaryUploads(@Value("${beatbook.geography.max-file-size:50MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    DataSize maxSize() {
        return maxSize;
    }

    boolean tooLarge(long size) {
        return size > maxSize.toBytes();
    }

    /** The stream, failing with {@link TooLarge} once more than the limit has been read. */
    InputStream limit(InputStream in) {
        long max = maxSize.toBytes();
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > max) {
                    throw new TooLarge();
                }
            }
        };
    }

    /** Unchecked, so that the JSON parser does not report it as broken JSON. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
