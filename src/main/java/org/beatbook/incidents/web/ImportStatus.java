package org.beatbook.incidents.web;

import org.beatbook.incidents.persistence.IncidentStore.ImportEntry;

/** What the import status page shows of a journal entry (public for the templates). */
public record ImportStatus(ImportEntry entry) {

    /**
     * QUEUED, WAITING (for another import to finish), RUNNING, SAVING (file read, rows being merged), DONE, REJECTED,
     * FAILED or INTERRUPTED.
     */
    public String state() {
        if (entry.waiting()) {
            return "WAITING";
        }
        if (entry.status().equals("RUNNING") && entry.bytesTotal() != null && entry.bytesRead() >= entry.bytesTotal()) {
            return "SAVING";
        }
        return entry.status();
    }

    public boolean finished() {
        return !entry.status().equals("QUEUED") && !entry.status().equals("RUNNING");
    }

    public boolean done() {
        return entry.status().equals("DONE");
    }

    /** 100 only when done: reading the whole file still leaves the merge to do. */
    public int percent() {
        if (done()) {
            return 100;
        }
        if (entry.bytesTotal() == null || entry.bytesTotal() == 0) {
            return 0;
        }
        return (int) Math.min(99, 100 * entry.bytesRead() / entry.bytesTotal());
    }

    public long accepted() {
        return entry.rowsRead() - entry.rejected();
    }
}
