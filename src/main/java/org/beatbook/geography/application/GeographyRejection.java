package org.beatbook.geography.application;

import java.util.List;

/** A request about levels the geography module refuses, with the reasons in the caller's language. */
public class GeographyRejection extends RuntimeException {

    public enum Kind { UNKNOWN_LEVEL, INVALID, CONFLICT }

    private final Kind kind;
    private final List<String> reasons;

    public GeographyRejection(Kind kind, List<String> reasons) {
        super(String.join("; ", reasons));
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> reasons() {
        return reasons;
    }
}
