package org.beatbook.personnel.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.personnel.domain.Assignment;
import org.beatbook.personnel.domain.AssignmentRules;
import org.beatbook.personnel.domain.Conflict;
import org.beatbook.personnel.domain.InvalidInput;
import org.beatbook.personnel.domain.Member;
import org.beatbook.personnel.domain.MemberData;
import org.beatbook.personnel.domain.NotFound;
import org.beatbook.personnel.domain.PersonnelChanged;
import org.beatbook.personnel.domain.Photo;
import org.beatbook.personnel.domain.Violation;
import org.beatbook.personnel.persistence.AssignmentStore;
import org.beatbook.personnel.persistence.CatalogStore;
import org.beatbook.personnel.persistence.MemberStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members and their assignment history, for the staff pages and the API. Every change is one transaction. */
@Service
public class Personnel {

    private final MemberStore members;
    private final AssignmentStore assignments;
    private final CatalogStore catalog;
    private final ObjectProvider<UnitCatalogue> units;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemDefaultZone();

    /** The unit catalogue is looked up on use, so personnel starts (e.g. for console commands) before geography has data. */
    public Personnel(MemberStore members, AssignmentStore assignments, CatalogStore catalog,
                     ObjectProvider<UnitCatalogue> units, ApplicationEventPublisher events) {
        this.members = members;
        this.events = events;
        this.assignments = assignments;
        this.catalog = catalog;
        this.units = units;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Map<String, String> ranks() {
        return catalog.ranks();
    }

    public Map<String, String> roles() {
        return catalog.roles();
    }

    public UnitCatalogue units() {
        return units.getObject();
    }

    public Member member(long id) {
        return members.byId(id).orElseThrow(() -> new NotFound("member", id));
    }

    public List<Member> search(String text, Boolean active) {
        return members.search(text == null ? "" : text, active, 500);
    }

    /** Creates a member, with a photo when {@code photo} is not null; all problems are reported together. */
    @Transactional
    public long create(MemberData data, byte[] photo) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        Photo resized = check(data, photo);
        if (members.byBadge(data.badge()).isPresent()) {
            throw new Conflict(Violation.of("badge", "badgeTaken", data.badge()));
        }
        long id = members.insert(data);
        if (resized != null) {
            members.savePhoto(id, resized);
        }
        return id;
    }

    /** Overwrites a member's fields, and the photo when {@code photo} is not null. */
    @Transactional
    public void update(long id, MemberData data, byte[] photo) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        member(id);
        Photo resized = check(data, photo);
        members.byBadge(data.badge()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new Conflict(Violation.of("badge", "badgeTaken", data.badge()));
        });
        members.update(id, data);
        if (resized != null) {
            members.savePhoto(id, resized);
        }
    }

    /**
     * One size of a member's photo. The public gets it only while the member serves somewhere (active, with a
     * current assignment); staff always.
     */
    public Optional<MemberStore.StoredPhoto> photo(long memberId, boolean small, boolean staff) {
        if (!staff && !assignments.hasCurrent(memberId, today())) {
            return Optional.empty();
        }
        return members.photo(memberId, small);
    }

    public boolean serving(long memberId) {
        return assignments.hasCurrent(memberId, today());
    }

    public List<Assignment> history(long memberId) {
        member(memberId);
        return assignments.byMember(memberId);
    }

    public Assignment assignment(long id) {
        return assignments.byId(id).orElseThrow(() -> new NotFound("assignment", id));
    }

    /** Adds a new assignment (history is never overwritten); rejects unknown roles and units and overlaps. */
    @Transactional
    public long assign(long memberId, String roleKey, UnitKey unit, LocalDate start, LocalDate end) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        if (!members.lock(memberId)) {
            throw new NotFound("member", memberId);
        }
        List<Violation> problems = new ArrayList<>();
        if (!catalog.roles().containsKey(roleKey)) {
            problems.add(Violation.of("role", "role", roleKey, String.join(", ", catalog.roles().keySet())));
        }
        UnitCatalogue catalogue = units();
        if (catalogue.level(unit.level()).isEmpty()) {
            problems.add(Violation.of("unitLevel", "level", unit.level()));
        }
        else if (catalogue.unit(unit).isEmpty()) {
            problems.add(Violation.of("unitCode", "unit", unit.level(), unit.code()));
        }
        if (start == null) {
            problems.add(Violation.of("start", "startMissing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Assignment candidate = new Assignment(0, memberId, roleKey, unit, start, end);
        List<Violation> rules = AssignmentRules.checkNew(candidate, assignments.byMember(memberId));
        throwIfAny(rules);
        return assignments.insert(candidate);
    }

    /** Ends an assignment on the given day (today when null); the row stays as history. */
    @Transactional
    public Assignment end(long assignmentId, LocalDate end) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        Assignment assignment = assignment(assignmentId);
        members.lock(assignment.memberId());
        LocalDate day = end == null ? today() : end;
        throwIfAny(AssignmentRules.checkEnd(assignment, day, today()));
        assignments.setDates(assignmentId, assignment.start(), day);
        return assignment.withDates(assignment.start(), day);
    }

    /**
     * Corrects the dates of an assignment: anyone with the staff role before it starts, afterwards only an
     * administrator, and then the change is recorded with who made it.
     */
    @Transactional
    public void correct(long assignmentId, LocalDate start, LocalDate end, boolean administrator, String by) {
        events.publishEvent(new PersonnelChanged()); // delivered after commit, not at all on rollback
        Assignment assignment = assignment(assignmentId);
        members.lock(assignment.memberId());
        throwIfAny(AssignmentRules.checkCorrection(assignment, start, end, today(), administrator,
                assignments.byMember(assignment.memberId())));
        if (assignment.startedBy(today())) {
            assignments.recordCorrection(assignment, start, end, by);
        }
        assignments.setDates(assignmentId, start, end);
    }

    private Photo check(MemberData data, byte[] photo) {
        List<Violation> problems = new ArrayList<>(data.check(catalog.ranks().keySet()));
        Photo resized = null;
        if (photo != null) {
            try {
                resized = Photo.from(photo);
            }
            catch (InvalidInput bad) {
                problems.addAll(bad.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return resized;
    }

    /** Overlaps are conflicts with stored data (409 in the API); other rule breaks are plain bad input. */
    private static void throwIfAny(List<Violation> problems) {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.get(0).code().equals("overlap")) {
            throw new Conflict(problems.get(0));
        }
        throw new InvalidInput(problems);
    }
}
