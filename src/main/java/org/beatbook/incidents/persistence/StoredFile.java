package org.beatbook.incidents.persistence;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A stored upload read back one 1 MiB part at a time, so a large file never sits in memory whole. */
final class StoredFile extends InputStream {

    private final JdbcClient jdbc;
    private final long importId;
    private final long bytesTotal;
    private byte[] part = new byte[0];
    private int at;
    private int seq;
    private long delivered;

    StoredFile(JdbcClient jdbc, long importId, long bytesTotal) {
        this.jdbc = jdbc;
        this.importId = importId;
        this.bytesTotal = bytesTotal;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (at == part.length && !nextPart()) {
            return -1;
        }
        int n = Math.min(length, part.length - at);
        System.arraycopy(part, at, buffer, offset, n);
        at += n;
        delivered += n;
        return n;
    }

    private boolean nextPart() throws IOException {
        if (delivered >= bytesTotal) {
            return false;
        }
        part = jdbc.sql("SELECT data FROM incident_import_chunks WHERE import_id = ? AND seq = ?")
                .params(importId, seq).query(byte[].class).optional()
                .orElseThrow(() -> new IOException("the stored file lacks part " + (seq + 1) + " (" + delivered
                        + " of " + bytesTotal + " bytes read)"));
        seq++;
        at = 0;
        return part.length > 0;
    }
}
