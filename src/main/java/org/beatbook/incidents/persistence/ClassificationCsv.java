package org.beatbook.incidents.persistence;

import org.apache.commons.csv.CSVRecord;
import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.beatbook.incidents.domain.Classification;

/** A row of a classification CSV: match,category,offense,priority,sensitive. */
final class ClassificationCsv {

    private ClassificationCsv() {
    }

    static Classification row(CSVRecord r) {
        String where = "line " + (r.getRecordNumber() + 1);
        IncidentCategory category = IncidentCategory.of(r.get("category"))
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown category " + r.get("category")));
        String priority = r.get("priority");
        ServicePriority p = priority.isBlank() ? null : ServicePriority.of(priority)
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown priority " + priority));
        return new Classification(r.get("match"), category, r.get("offense"), p, Boolean.parseBoolean(r.get("sensitive")));
    }
}
