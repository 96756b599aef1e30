package org.beatbook.personnel.domain;

/** A problem in one line of an imported file; the violation's field is the column (or empty for the whole line). */
public record RowError(int line, Violation violation) {
}
