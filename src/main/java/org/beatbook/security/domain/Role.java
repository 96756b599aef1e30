package org.beatbook.security.domain;

/** What a staff account may do. ADMIN implies STAFF (see the role hierarchy in the security configuration). */
public enum Role {
    /** Reads and maintains day-to-day data on the staff pages. */
    STAFF,
    /** Everything STAFF may do, plus changes that replace data and user administration. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
