package org.beatbook.personnel.application;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.personnel.RosterAdministration;
import org.beatbook.personnel.RosterImportReport;
import org.beatbook.personnel.domain.Assignment;
import org.beatbook.personnel.domain.AssignmentRules;
import org.beatbook.personnel.domain.PersonnelChanged;
import org.beatbook.personnel.domain.Roster;
import org.beatbook.personnel.domain.RosterReader;
import org.beatbook.personnel.domain.RowError;
import org.beatbook.personnel.domain.Violation;
import org.beatbook.personnel.persistence.AssignmentStore;
import org.beatbook.personnel.persistence.CatalogStore;
import org.beatbook.personnel.persistence.MemberStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster all or nothing: the whole file is checked first (including against the stored assignments),
 * and only a file without errors is written, in the same transaction. Members are matched by badge; an assignment
 * already stored with the same member, role, unit and dates is not added again, so re-importing a file changes
 * nothing.
 */
@Service
class RosterImport implements RosterAdministration {

    private final MemberStore members;
    private final AssignmentStore assignments;
    private final CatalogStore catalog;
    private final ObjectProvider<UnitCatalogue> units;
    private final ViolationText text;
    private final ApplicationEventPublisher events;

    RosterImport(MemberStore members, AssignmentStore assignments, CatalogStore catalog,
                 ObjectProvider<UnitCatalogue> units, ViolationText text, ApplicationEventPublisher events) {
        this.events = events;
        this.members = members;
        this.assignments = assignments;
        this.catalog = catalog;
        this.units = units;
        this.text = text;
    }

    @Override
    @Transactional
    public RosterImportReport importRoster(Reader csv) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        UnitCatalogue catalogue = units.getObject();
        Roster roster = new RosterReader(catalog.ranks().keySet(), catalog.roles().keySet(),
                level -> catalogue.level(level).isPresent(), unit -> catalogue.unit(unit).isPresent()).read(csv);
        List<RowError> errors = new ArrayList<>(roster.errors());
        if (errors.isEmpty()) {
            errors.addAll(conflictsWithStored(roster));
        }
        if (!errors.isEmpty()) {
            return new RosterImportReport(0, 0, errors.stream()
                    .map(e -> text.row(e, LocaleContextHolder.getLocale())).toList());
        }
        Map<String, Long> ids = new HashMap<>();
        int changedMembers = 0;
        for (Roster.Member member : roster.members()) {
            long id = members.upsertByBadge(member.data());
            changedMembers += id > 0 ? 1 : 0;
            ids.put(member.data().badge(), Math.abs(id));
        }
        int changedAssignments = 0;
        for (Roster.Row row : roster.assignments()) {
            Assignment assignment = row.toAssignment(ids.get(row.badge()));
            Optional<Assignment> stored = assignments.byMember(assignment.memberId()).stream()
                    .filter(a -> sameAssignment(a, assignment)).findFirst();
            if (stored.isEmpty()) {
                assignments.insert(assignment);
                changedAssignments++;
            }
            else if (!Objects.equals(stored.get().end(), assignment.end())) {
                assignments.setDates(stored.get().id(), assignment.start(), assignment.end());
                changedAssignments++;
            }
        }
        return new RosterImportReport(changedMembers, changedAssignments, List.of());
    }

    /**
     * Rows that overlap a stored assignment of the same duty without being that very assignment (same duty and start
     * date: a re-import, or the roster giving it an end date).
     */
    private List<RowError> conflictsWithStored(Roster roster) {
        Map<String, Long> known = new HashMap<>();
        roster.members().forEach(m -> members.byBadge(m.data().badge()).ifPresent(s -> known.put(m.data().badge(), s.id())));
        Map<Long, List<Assignment>> stored = assignments.byMembers(known.values()).stream()
                .collect(Collectors.groupingBy(Assignment::memberId));
        List<RowError> errors = new ArrayList<>();
        for (Roster.Row row : roster.assignments()) {
            Long memberId = known.get(row.badge());
            if (memberId == null) {
                continue;
            }
            Assignment candidate = row.toAssignment(memberId);
            List<Assignment> others = stored.getOrDefault(memberId, List.of()).stream()
                    .filter(a -> !sameAssignment(a, candidate)).toList();
            AssignmentRules.checkNew(candidate, others).stream().findFirst()
                    .ifPresent(v -> errors.add(new RowError(row.line(), Violation.of("start_date", v.code(),
                            v.args().toArray()))));
        }
        return errors;
    }

    private static boolean sameAssignment(Assignment a, Assignment b) {
        return a.sameDutyAs(b) && a.start().equals(b.start());
    }

    @Override
    @Transactional
    public void setStaffingTarget(String levelKey, String roleKey, int minimum) {
        Optional.ofNullable(catalog.roles().get(roleKey))
                .orElseThrow(() -> new IllegalArgumentException("Unknown role " + roleKey));
        if (minimum <= 0) {
            catalog.removeTarget(levelKey, roleKey);
        }
        else {
            catalog.setTarget(new org.beatbook.personnel.domain.Staffing.Target(levelKey, roleKey, minimum));
        }
    }
}
