package org.beatbook.personnel.domain;

import java.time.LocalDate;

import org.beatbook.geography.UnitKey;

/**
 * A member serving a unit in a role from {@code start} to {@code end} (both days included; no end means open).
 *
 * @param id 0 while not stored
 */
public record Assignment(long id, long memberId, String roleKey, UnitKey unit, LocalDate start, LocalDate end) {

    public boolean currentOn(LocalDate day) {
        return !start.isAfter(day) && (end == null || !end.isBefore(day));
    }

    public boolean startedBy(LocalDate day) {
        return !start.isAfter(day);
    }

    public boolean endedBefore(LocalDate day) {
        return end != null && end.isBefore(day);
    }

    /** Same member, unit and role: two of those may not overlap in time. */
    public boolean sameDutyAs(Assignment other) {
        return memberId == other.memberId && roleKey.equals(other.roleKey) && unit.equals(other.unit);
    }

    public boolean overlaps(Assignment other) {
        return !(end != null && end.isBefore(other.start)) && !(other.end != null && other.end.isBefore(start));
    }

    public Assignment withDates(LocalDate newStart, LocalDate newEnd) {
        return new Assignment(id, memberId, roleKey, unit, newStart, newEnd);
    }
}
