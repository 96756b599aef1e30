package org.beatbook.personnel.domain;

/** Something about members or assignments changed: whatever was derived from them (who serves where) is stale. */
public record PersonnelChanged() {
}
