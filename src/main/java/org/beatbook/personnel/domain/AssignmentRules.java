package org.beatbook.personnel.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How assignment history changes: never overwritten. A new assignment is a new row; ending one sets its end date;
 * dates can be corrected only before the assignment starts, or by an administrator (who leaves an audit record).
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /** Problems with a new assignment given the member's existing ones. */
    public static List<Violation> checkNew(Assignment candidate, Collection<Assignment> existing) {
        List<Violation> problems = new ArrayList<>();
        checkDates(candidate.start(), candidate.end()).ifPresent(problems::add);
        if (problems.isEmpty()) {
            overlap(candidate, existing).ifPresent(problems::add);
        }
        return problems;
    }

    /** Ending sets the end date of an open or later-ending assignment; the end may not come before the start. */
    public static List<Violation> checkEnd(Assignment assignment, LocalDate end, LocalDate today) {
        if (assignment.endedBefore(today)) {
            return List.of(Violation.of("end", "alreadyEnded", assignment.end()));
        }
        return checkDates(assignment.start(), end).stream().toList();
    }

    /**
     * Problems with changing an assignment's dates: allowed freely while it has not started, after that only for
     * administrators.
     */
    public static List<Violation> checkCorrection(Assignment assignment, LocalDate start, LocalDate end,
                                                  LocalDate today, boolean administrator,
                                                  Collection<Assignment> others) {
        if (assignment.startedBy(today) && !administrator) {
            return List.of(Violation.of("start", "started", assignment.start()));
        }
        List<Violation> problems = new ArrayList<>(checkDates(start, end).stream().toList());
        if (problems.isEmpty()) {
            overlap(assignment.withDates(start, end),
                    others.stream().filter(o -> o.id() != assignment.id()).toList()).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<Violation> checkDates(LocalDate start, LocalDate end) {
        if (start == null) {
            return Optional.of(Violation.of("start", "startMissing"));
        }
        if (end != null && end.isBefore(start)) {
            return Optional.of(Violation.of("end", "endBeforeStart", end, start));
        }
        return Optional.empty();
    }

    private static Optional<Violation> overlap(Assignment candidate, Collection<Assignment> existing) {
        return existing.stream()
                .filter(other -> other.sameDutyAs(candidate) && other.overlaps(candidate))
                .findFirst()
                .map(other -> Violation.of("start", "overlap", candidate.roleKey(), candidate.unit().level(),
                        candidate.unit().code(), other.start(), other.end() == null ? "–" : other.end()));
    }
}
