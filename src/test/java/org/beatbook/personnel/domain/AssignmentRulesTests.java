package org.beatbook.personnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.beatbook.geography.UnitKey;
import org.junit.jupiter.api.Test;

class AssignmentRulesTests {

    static final UnitKey BEAT_0713 = new UnitKey("beat", "0713");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    static Assignment beatOfficer(long id, String start, String end) {
        return new Assignment(id, 1, "beat-officer", BEAT_0713, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end));
    }

    @Test
    void currentMeansStartedAndNotEnded() {
        assertThat(beatOfficer(1, "2025-03-15", null).currentOn(TODAY)).isTrue();
        assertThat(beatOfficer(1, "2024-01-01", "2025-03-15").currentOn(TODAY)).as("end day included").isTrue();
        assertThat(beatOfficer(1, "2024-01-01", "2025-03-14").currentOn(TODAY)).isFalse();
        assertThat(beatOfficer(1, "2025-03-16", null).currentOn(TODAY)).isFalse();
    }

    @Test
    void anOverlappingIdenticalAssignmentIsRejected() {
        List<Assignment> existing = List.of(beatOfficer(1, "2024-01-01", null));
        List<Violation> problems = AssignmentRules.checkNew(beatOfficer(0, "2025-01-01", null), existing);
        assertThat(problems).extracting(Violation::code).containsExactly("overlap");
        assertThat(problems.get(0).args()).contains("beat-officer", "beat", "0713", LocalDate.of(2024, 1, 1));
    }

    @Test
    void differentRoleUnitOrLaterPeriodIsFine() {
        List<Assignment> existing = List.of(beatOfficer(1, "2024-01-01", "2024-12-31"));
        assertThat(AssignmentRules.checkNew(beatOfficer(0, "2025-01-01", null), existing)).isEmpty();
        assertThat(AssignmentRules.checkNew(new Assignment(0, 1, "problem-solving-officer", BEAT_0713,
                LocalDate.parse("2024-06-01"), null), existing)).isEmpty();
        assertThat(AssignmentRules.checkNew(new Assignment(0, 1, "beat-officer", new UnitKey("beat", "0714"),
                LocalDate.parse("2024-06-01"), null), existing)).isEmpty();
        assertThat(AssignmentRules.checkNew(new Assignment(0, 2, "beat-officer", BEAT_0713,
                LocalDate.parse("2024-06-01"), null), existing)).as("another member").isEmpty();
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThat(AssignmentRules.checkNew(beatOfficer(0, "2025-01-01", "2024-12-31"), List.of()))
                .extracting(Violation::field, Violation::code).containsExactly(org.assertj.core.groups.Tuple.tuple("end", "endBeforeStart"));
    }

    @Test
    void endingSetsTheEndDateButNotBeforeTheStartNorTwice() {
        assertThat(AssignmentRules.checkEnd(beatOfficer(1, "2024-01-01", null), TODAY, TODAY)).isEmpty();
        assertThat(AssignmentRules.checkEnd(beatOfficer(1, "2025-04-01", null), TODAY, TODAY))
                .extracting(Violation::code).containsExactly("endBeforeStart");
        assertThat(AssignmentRules.checkEnd(beatOfficer(1, "2024-01-01", "2025-01-31"), TODAY, TODAY))
                .extracting(Violation::code).containsExactly("alreadyEnded");
        assertThat(AssignmentRules.checkEnd(beatOfficer(1, "2024-01-01", "2025-12-31"), TODAY, TODAY))
                .as("a planned end can be brought forward").isEmpty();
    }

    @Test
    void datesCanBeCorrectedBeforeTheStartOrByAnAdministrator() {
        Assignment future = beatOfficer(1, "2025-04-01", null);
        assertThat(AssignmentRules.checkCorrection(future, LocalDate.parse("2025-04-15"), null, TODAY, false,
                List.of(future))).isEmpty();
        Assignment started = beatOfficer(2, "2025-01-01", null);
        assertThat(AssignmentRules.checkCorrection(started, LocalDate.parse("2024-12-01"), null, TODAY, false,
                List.of(started))).extracting(Violation::code).containsExactly("started");
        assertThat(AssignmentRules.checkCorrection(started, LocalDate.parse("2024-12-01"), null, TODAY, true,
                List.of(started))).isEmpty();
        Assignment earlier = beatOfficer(3, "2024-01-01", "2024-11-30");
        assertThat(AssignmentRules.checkCorrection(started, LocalDate.parse("2024-11-01"), null, TODAY, true,
                List.of(started, earlier))).extracting(Violation::code).containsExactly("overlap");
    }
}
