package org.beatbook.personnel.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beatbook.geography.UnitKey;
import org.beatbook.personnel.RosterAdministration;
import org.beatbook.personnel.RosterImportReport;
import org.beatbook.personnel.application.Personnel;
import org.beatbook.personnel.domain.Assignment;
import org.beatbook.personnel.domain.InvalidInput;
import org.beatbook.personnel.domain.Member;
import org.beatbook.personnel.domain.MemberData;
import org.beatbook.personnel.domain.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Members, assignments and roster import as JSON: reading needs STAFF, changing needs ADMIN. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('STAFF')")
class MemberApi {

    private final Personnel personnel;
    private final RosterAdministration roster;

    MemberApi(Personnel personnel, RosterAdministration roster) {
        this.personnel = personnel;
        this.roster = roster;
    }

    @GetMapping("/members")
    List<MemberResponse> members(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Boolean active) {
        Map<String, String> ranks = personnel.ranks();
        return personnel.search(q, active).stream().map(m -> MemberResponse.of(m, ranks)).toList();
    }

    @GetMapping("/members/{id}")
    MemberResponse member(@PathVariable long id) {
        return MemberResponse.of(personnel.member(id), personnel.ranks());
    }

    @PostMapping("/members")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<MemberResponse> create(@RequestBody MemberRequest request) {
        long id = personnel.create(request.toData(), null);
        return ResponseEntity.created(URI.create("/api/v1/members/" + id)).body(member(id));
    }

    @PutMapping("/members/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    MemberResponse update(@PathVariable long id, @RequestBody MemberRequest request) {
        personnel.update(id, request.toData(), null);
        return member(id);
    }

    @GetMapping("/members/{id}/assignments")
    List<AssignmentResponse> assignments(@PathVariable long id) {
        Map<String, String> roles = personnel.roles();
        LocalDate today = personnel.today();
        return personnel.history(id).stream().map(a -> AssignmentResponse.of(a, roles, today)).toList();
    }

    @PostMapping("/members/{id}/assignments")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AssignmentResponse> assign(@PathVariable long id, @RequestBody AssignmentRequest request) {
        List<Violation> problems = new ArrayList<>();
        LocalDate start = Inputs.date(request.start(), "start", problems);
        LocalDate end = Inputs.date(request.end(), "end", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long assignmentId = personnel.assign(id, Inputs.text(request.role()),
                new UnitKey(Inputs.text(request.unitLevel()), Inputs.text(request.unitCode())), start, end);
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/assignments"))
                .body(AssignmentResponse.of(personnel.assignment(assignmentId), personnel.roles(), personnel.today()));
    }

    /** Ends an assignment today, or on {@code {"end": "YYYY-MM-DD"}}. */
    @PostMapping("/assignments/{id}/end")
    @PreAuthorize("hasRole('ADMIN')")
    AssignmentResponse end(@PathVariable long id, @RequestBody(required = false) EndRequest request) {
        List<Violation> problems = new ArrayList<>();
        LocalDate end = Inputs.date(request == null ? null : request.end(), "end", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return AssignmentResponse.of(personnel.end(id, end), personnel.roles(), personnel.today());
    }

    @PostMapping(value = "/roster", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> importRoster(@RequestBody String csv) {
        return report(roster.importRoster(new StringReader(csv)));
    }

    @PostMapping(value = "/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> importRosterFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return report(roster.importRoster(csv));
        }
    }

    private static ResponseEntity<?> report(RosterImportReport report) {
        if (report.accepted()) {
            return ResponseEntity.ok(new RosterResponse(report.members(), report.assignments()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Nothing was imported: the roster has " + report.errors().size() + " error(s).");
        problem.setTitle("Roster rejected");
        problem.setProperty("errors", report.errors());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record MemberRequest(String badge, String givenName, String familyName, String displayName, String rank,
                         String email, String phone, Boolean publicEmail, Boolean publicPhone, List<String> languages,
                         Boolean sworn, Boolean active, Boolean demo) {

        MemberData toData() {
            return new MemberData(badge, givenName, familyName, displayName, rank, email, phone,
                    Inputs.flag(publicEmail, false), Inputs.flag(publicPhone, false),
                    languages == null ? List.of() : languages.stream().map(l -> Inputs.text(l).toLowerCase()).toList(),
                    Inputs.flag(sworn, true), Inputs.flag(active, true), Inputs.flag(demo, false));
        }
    }

    record MemberResponse(long id, String badge, String givenName, String familyName, String displayName, String rank,
                          String rankName, String email, String phone, boolean publicEmail, boolean publicPhone,
                          List<String> languages, boolean sworn, boolean active, boolean demo, String photoUrl) {

        static MemberResponse of(Member m, Map<String, String> ranks) {
            MemberData d = m.data();
            return new MemberResponse(m.id(), d.badge(), d.givenName(), d.familyName(), d.displayName(), d.rankKey(),
                    ranks.getOrDefault(d.rankKey(), d.rankKey()), d.email(), d.phone(), d.publicEmail(),
                    d.publicPhone(), d.languages(), d.sworn(), d.active(), d.demo(),
                    m.hasPhoto() ? "/members/" + m.id() + "/photo" : null);
        }
    }

    record AssignmentRequest(String role, String unitLevel, String unitCode, String start, String end) {
    }

    record EndRequest(String end) {
    }

    record AssignmentResponse(long id, long memberId, String role, String roleName, String unitLevel, String unitCode,
                              LocalDate start, LocalDate end, boolean current) {

        static AssignmentResponse of(Assignment a, Map<String, String> roles, LocalDate today) {
            return new AssignmentResponse(a.id(), a.memberId(), a.roleKey(), roles.getOrDefault(a.roleKey(), a.roleKey()),
                    a.unit().level(), a.unit().code(), a.start(), a.end(), a.currentOn(today));
        }
    }

    record RosterResponse(int members, int assignments) {
    }
}
