package org.beatbook.personnel.domain;

/** A change that contradicts what is stored, e.g. an assignment overlapping an identical one; nothing was changed. */
public class Conflict extends InvalidInput {

    public Conflict(Violation violation) {
        super(violation);
    }
}
