package org.beatbook.personnel.domain;

import java.time.LocalDate;
import java.util.List;

import org.beatbook.geography.UnitKey;

/** A checked roster file: its members (by badge, first-seen order) and assignments; or the errors that stop it. */
public record Roster(List<Member> members, List<Row> assignments, List<RowError> errors) {

    public record Member(int line, MemberData data) {
    }

    public record Row(int line, String badge, String roleKey, UnitKey unit, LocalDate start, LocalDate end) {

        public Assignment toAssignment(long memberId) {
            return new Assignment(0, memberId, roleKey, unit, start, end);
        }
    }
}
