package org.beatbook.newsletters.domain;

import java.time.Instant;
import java.util.List;

import org.beatbook.geography.UnitKey;

/** A newsletter issue as stored: its units (labels as they were named when chosen), period and workflow state. */
public record Issue(long id, Period period, String defaultLanguage, IssueStatus status, Instant publishAt,
                    Instant publishedAt, String createdBy, List<Unit> units) {

    public record Unit(String level, String code, String label) {
        public UnitKey key() {
            return new UnitKey(level, code);
        }
    }

    public List<UnitKey> unitKeys() {
        return units.stream().map(Unit::key).toList();
    }

    public String unitLabels(String and) {
        List<String> labels = units.stream().map(Unit::label).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " " + and + " " + labels.get(labels.size() - 1);
    }
}
