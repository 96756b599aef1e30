package org.beatbook.engagement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.engagement.application.Checked;
import org.beatbook.engagement.application.Engagement;
import org.beatbook.engagement.application.Engagement.Source;
import org.beatbook.engagement.application.RateLimited;
import org.beatbook.engagement.application.StaffLists;
import org.beatbook.geography.UnitRef;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages per list (district): counts, growth, members, CSV export, paper sign-ups, concerns, audit trail. */
@Controller
@RequestMapping("/staff/engagement")
class StaffListPages {

    private final StaffLists lists;
    private final Engagement engagement;
    private final ProblemText text;

    StaffListPages(StaffLists lists, Engagement engagement, ProblemText text) {
        this.lists = lists;
        this.engagement = engagement;
        this.text = text;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("lists", lists.lists());
        return "engagement/staff/index";
    }

    @GetMapping("/lists/{code}")
    String list(@PathVariable String code, Authentication user, Model model) {
        model.addAttribute("overview", lists.overview(unit(code), user.getName()));
        return "engagement/staff/list";
    }

    @GetMapping("/lists/{code}/export.csv")
    void export(@PathVariable String code, Authentication user, HttpServletResponse response) throws IOException {
        UnitRef unit = unit(code);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"engagement-" + unit.level() + "-"
                + unit.code().replaceAll("[^A-Za-z0-9-]", "_") + "-" + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        lists.exportCsv(unit, user.getName(), response.getWriter());
    }

    @GetMapping("/lists/{code}/concerns")
    String concerns(@PathVariable String code, Authentication user, Model model) {
        UnitRef unit = unit(code);
        model.addAttribute("unit", unit);
        model.addAttribute("concerns", lists.concerns(unit, user.getName()));
        return "engagement/staff/concerns";
    }

    @PostMapping("/lists/{code}/concerns/{id}/handled")
    String handled(@PathVariable String code, @PathVariable long id, Authentication user,
                   RedirectAttributes redirect) {
        UnitRef unit = unit(code);
        redirect.addFlashAttribute("done", lists.markHandled(unit, id, user.getName())
                ? "engagement.staff.concern.handled" : "engagement.staff.concern.already");
        return "redirect:/staff/engagement/lists/" + unit.code() + "/concerns";
    }

    @PostMapping("/lists/{code}/subscribers/{id}/delete")
    String delete(@PathVariable String code, @PathVariable long id, Authentication user, RedirectAttributes redirect) {
        UnitRef unit = unit(code);
        redirect.addFlashAttribute("done", lists.delete(id, user.getName())
                ? "engagement.staff.deleted" : "engagement.staff.notFound");
        return "redirect:/staff/engagement/lists/" + unit.code();
    }

    @GetMapping("/paper")
    String paperForm(Locale locale, Model model) {
        return paper(model, JoinForm.blank("", null, engagement.languages().get(0)), Map.of());
    }

    /** A paper form from a meeting: the person still confirms by email before any list mail is sent. */
    @PostMapping("/paper")
    String paper(@ModelAttribute JoinForm form, Authentication user, Locale locale, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Checked checked = engagement.submit(form.toSignUp(), Source.PAPER, user.getName(), null);
        if (!checked.ok()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("suggestions", checked.suggestions());
            return paper(model, form, text.byField(checked.problems(), locale));
        }
        lists.recordPaperSignUp(checked.unit(), user.getName());
        redirect.addFlashAttribute("addedTo", checked.unit().label());
        return "redirect:/staff/engagement/paper";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", lists.auditTrail());
        return "engagement/staff/audit";
    }

    @ExceptionHandler(RateLimited.class)
    ModelAndView rateLimited() {
        return new ModelAndView("engagement/link-problem", Map.of("problem", "limited"), HttpStatus.TOO_MANY_REQUESTS);
    }

    private String paper(Model model, JoinForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", new JoinPages.Choices(engagement.languages(), engagement.priorities()));
        return "engagement/staff/paper";
    }

    private UnitRef unit(String code) {
        return lists.unit(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
