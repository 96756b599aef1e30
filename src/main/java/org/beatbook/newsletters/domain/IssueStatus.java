package org.beatbook.newsletters.domain;

import java.util.Locale;
import java.util.Set;

/** The workflow: draft -> review -> scheduled or published; review can go back to draft, scheduled back to review. */
public enum IssueStatus {
    DRAFT, REVIEW, SCHEDULED, PUBLISHED;

    public boolean canMoveTo(IssueStatus next) {
        return switch (this) {
            case DRAFT -> next == REVIEW;
            case REVIEW -> Set.of(DRAFT, SCHEDULED, PUBLISHED).contains(next);
            case SCHEDULED -> Set.of(REVIEW, PUBLISHED).contains(next);
            case PUBLISHED -> false;
        };
    }

    /** Only drafts change; review is for reading what will go out. */
    public boolean editable() {
        return this == DRAFT;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IssueStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
