package org.beatbook.personnel.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.beatbook.personnel.application.Personnel;
import org.beatbook.personnel.application.ViolationText;
import org.beatbook.personnel.domain.Assignment;
import org.beatbook.personnel.domain.InvalidInput;
import org.beatbook.personnel.domain.Languages;
import org.beatbook.platform.LanguageNames;
import org.beatbook.personnel.domain.Member;
import org.beatbook.personnel.domain.MemberData;
import org.beatbook.personnel.domain.NotFound;
import org.beatbook.personnel.domain.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for members and their assignment history. Staff keep members and assignments current; correcting the
 * dates of an assignment that has started is for administrators (and audited).
 */
@Controller
@RequestMapping("/staff/personnel")
class MemberPages {

    private final Personnel personnel;
    private final ViolationText text;

    MemberPages(Personnel personnel, ViolationText text) {
        this.personnel = personnel;
        this.text = text;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "active") String status,
                Model model) {
        Boolean active = switch (status) {
            case "all" -> null;
            case "inactive" -> false;
            default -> true;
        };
        model.addAttribute("q", q);
        model.addAttribute("status", active == null ? "all" : active ? "active" : "inactive");
        model.addAttribute("members", personnel.search(q, active));
        model.addAttribute("ranks", personnel.ranks());
        return "personnel/members";
    }

    @GetMapping("/members/new")
    String newMember(Model model) {
        return memberPage(model, null, MemberForm.blank(), Map.of(), AssignForm.blank(personnel.today()), Map.of());
    }

    @PostMapping("/members")
    String create(@ModelAttribute MemberForm form, @RequestParam(required = false) MultipartFile photo, Model model,
                  Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        try {
            long id = personnel.create(form.toData(), bytes(photo));
            redirect.addFlashAttribute("done", "personnel.member.created");
            return "redirect:/staff/personnel/members/" + id;
        }
        catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return memberPage(model, null, form, messages(invalid, locale), AssignForm.blank(personnel.today()), Map.of());
        }
    }

    @GetMapping("/members/{id}")
    String member(@PathVariable long id, Model model) {
        Member member = personnel.member(id);
        return memberPage(model, member, MemberForm.of(member.data()), Map.of(), AssignForm.blank(personnel.today()),
                Map.of());
    }

    @PostMapping("/members/{id}")
    String update(@PathVariable long id, @ModelAttribute MemberForm form,
                  @RequestParam(required = false) MultipartFile photo, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        try {
            personnel.update(id, form.toData(), bytes(photo));
            redirect.addFlashAttribute("done", "personnel.member.saved");
            return "redirect:/staff/personnel/members/" + id;
        }
        catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return memberPage(model, personnel.member(id), form, messages(invalid, locale),
                    AssignForm.blank(personnel.today()), Map.of());
        }
    }

    @PostMapping("/members/{id}/assignments")
    String assign(@PathVariable long id, @ModelAttribute AssignForm form, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Member member = personnel.member(id);
        try {
            List<Violation> problems = new ArrayList<>();
            LocalDate start = Inputs.date(form.start(), "start", problems);
            LocalDate end = Inputs.date(form.end(), "end", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            personnel.assign(id, Inputs.text(form.role()),
                    new UnitKey(Inputs.text(form.unitLevel()), Inputs.text(form.unitCode())), start, end);
            redirect.addFlashAttribute("done", "personnel.assign.done");
            return "redirect:/staff/personnel/members/" + id + "#history";
        }
        catch (InvalidInput invalid) {
            response.setStatus(invalid instanceof org.beatbook.personnel.domain.Conflict
                    ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            return memberPage(model, member, MemberForm.of(member.data()), Map.of(), form, messages(invalid, locale));
        }
    }

    @PostMapping("/assignments/{id}/end")
    String end(@PathVariable long id, @RequestParam(defaultValue = "") String end, Locale locale,
               RedirectAttributes redirect) {
        Assignment assignment = personnel.assignment(id);
        try {
            List<Violation> problems = new ArrayList<>();
            LocalDate day = Inputs.date(end, "end", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            personnel.end(id, day);
            redirect.addFlashAttribute("done", "personnel.history.ended");
        }
        catch (InvalidInput invalid) {
            redirect.addFlashAttribute("refused", String.join(" ", messages(invalid, locale).values()));
        }
        return "redirect:/staff/personnel/members/" + assignment.memberId() + "#history";
    }

    @PostMapping("/assignments/{id}/dates")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "") String start,
                   @RequestParam(defaultValue = "") String end, Authentication user, Locale locale,
                   RedirectAttributes redirect) {
        Assignment assignment = personnel.assignment(id);
        try {
            List<Violation> problems = new ArrayList<>();
            LocalDate newStart = Inputs.date(start, "start", problems);
            LocalDate newEnd = Inputs.date(end, "end", problems);
            if (newStart == null && problems.isEmpty()) {
                problems.add(Violation.of("start", "startMissing"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            personnel.correct(id, newStart, newEnd, isAdmin(user), user.getName());
            redirect.addFlashAttribute("done", "personnel.history.corrected");
        }
        catch (InvalidInput invalid) {
            redirect.addFlashAttribute("refused", String.join(" ", messages(invalid, locale).values()));
        }
        return "redirect:/staff/personnel/members/" + assignment.memberId() + "#history";
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private String memberPage(Model model, Member member, MemberForm form, Map<String, String> errors,
                              AssignForm assign, Map<String, String> assignErrors) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("assign", assign);
        model.addAttribute("assignErrors", assignErrors);
        model.addAttribute("ranks", personnel.ranks());
        model.addAttribute("roles", personnel.roles());
        model.addAttribute("levels", personnel.units().levels());
        model.addAttribute("today", personnel.today());
        if (member != null) {
            LocalDate today = personnel.today();
            Map<String, String> roles = personnel.roles();
            model.addAttribute("history", personnel.history(member.id()).stream()
                    .map(a -> HistoryRow.of(a, roles, unitLabel(a.unit()), today)).toList());
            model.addAttribute("languageNames", LanguageNames.names(member.data().languages(), LocaleContextHolder.getLocale()));
        }
        return "personnel/member";
    }

    private String unitLabel(UnitKey unit) {
        return personnel.units().unit(unit).map(UnitRef::label).orElse(unit.level() + " " + unit.code());
    }

    private Map<String, String> messages(InvalidInput invalid, Locale locale) {
        Map<String, String> messages = new LinkedHashMap<>();
        invalid.violations().forEach(v -> messages.putIfAbsent(v.field(), text.message(v, locale)));
        return messages;
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    /** The member form as typed: checkboxes are null when unchecked. */
    record MemberForm(String badge, String givenName, String familyName, String displayName, String rank, String email,
                      String phone, Boolean publicEmail, Boolean publicPhone, String languages, Boolean sworn,
                      Boolean active, Boolean demo) {

        static MemberForm blank() {
            return new MemberForm("", "", "", "", "officer", "", "", false, false, "en", true, true, false);
        }

        static MemberForm of(MemberData d) {
            return new MemberForm(d.badge(), d.givenName(), d.familyName(), d.displayName(), d.rankKey(), d.email(),
                    d.phone(), d.publicEmail(), d.publicPhone(), String.join(" ", d.languages()), d.sworn(), d.active(),
                    d.demo());
        }

        MemberData toData() {
            return new MemberData(badge, givenName, familyName, displayName, rank, email, phone,
                    Inputs.flag(publicEmail, false), Inputs.flag(publicPhone, false), Languages.split(languages),
                    Inputs.flag(sworn, false), Inputs.flag(active, false), Inputs.flag(demo, false));
        }
    }

    record AssignForm(String role, String unitLevel, String unitCode, String start, String end) {

        static AssignForm blank(LocalDate today) {
            return new AssignForm("", "", "", today.toString(), "");
        }
    }

    /** One line of the history table. */
    record HistoryRow(long id, String roleName, String unit, LocalDate start, LocalDate end, String state,
                      boolean endable) {

        static HistoryRow of(Assignment a, Map<String, String> roles, String unit, LocalDate today) {
            String state = a.currentOn(today) ? "current" : a.startedBy(today) ? "past" : "future";
            return new HistoryRow(a.id(), roles.getOrDefault(a.roleKey(), a.roleKey()), unit, a.start(), a.end(), state,
                    !a.endedBefore(today));
        }
    }
}
