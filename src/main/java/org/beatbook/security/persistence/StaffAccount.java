package org.beatbook.security.persistence;

import java.time.Instant;
import java.util.Set;

import org.beatbook.security.domain.Role;

/** A staff account as stored (the password only as its hash). */
public record StaffAccount(long id, String username, String passwordHash, String displayName, Set<Role> roles,
                           boolean enabled, Instant created) {

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }
}
