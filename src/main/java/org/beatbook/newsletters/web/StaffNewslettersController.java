package org.beatbook.newsletters.web;

import java.security.Principal;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitLevel;
import org.beatbook.newsletters.application.NewIssue;
import org.beatbook.newsletters.application.NewsletterProperties;
import org.beatbook.newsletters.application.NewsletterRejected;
import org.beatbook.newsletters.application.Newsletters;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.Period;
import org.beatbook.newsletters.domain.Problem;
import org.beatbook.newsletters.domain.Translation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff write, review, schedule and publish issues and watch delivery. Plain forms; htmx only adds live parts. */
@Controller
@RequestMapping("/staff/newsletters")
class StaffNewslettersController {

    private final Newsletters newsletters;
    private final UnitCatalogue catalogue;
    private final MessageSource messages;
    private final NewsletterProperties properties;

    StaffNewslettersController(Newsletters newsletters, UnitCatalogue catalogue, MessageSource messages,
                               NewsletterProperties properties) {
        this.newsletters = newsletters;
        this.catalogue = catalogue;
        this.messages = messages;
        this.properties = properties;
    }

    record IssueForm(String level, String units, String periodKind, String periodStart, String language,
                     String title, String body) {
    }

    record TranslationForm(String language, String title, String body) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        Period period = Period.current(Period.Kind.QUARTER, YearMonth.now(properties.zone()));
        List<UnitLevel> levels = catalogue.levels();
        String level = levels.isEmpty() ? "" : levels.get(0).key();
        return listPage(model, new IssueForm(level, "", period.kind().key(), period.start().toString(),
                newsletters.languages().get(0), "", ""), Map.of(), locale);
    }

    @PostMapping
    String create(IssueForm form, Principal user, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            long id = newsletters.create(new NewIssue(form.level(), form.units(), form.periodKind(), form.periodStart(),
                    form.language(), form.title(), form.body()), user.getName());
            redirect.addFlashAttribute("done", "newsletters.done.created");
            return "redirect:/staff/newsletters/" + id;
        }
        catch (NewsletterRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, form, errors(rejected.problems(), locale), locale);
        }
    }

    private String listPage(Model model, IssueForm form, Map<String, String> errors, Locale locale) {
        model.addAttribute("issues", newsletters.all());
        model.addAttribute("levels", catalogue.levels());
        model.addAttribute("languages", languageNames(locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "newsletters/staff-list";
    }

    @GetMapping("/{id}")
    String issue(@PathVariable long id, @RequestParam(required = false) String edit, Model model, Locale locale) {
        Issue issue = find(id);
        String language = edit != null && newsletters.languages().contains(edit) ? edit : issue.defaultLanguage();
        Translation translation = newsletters.translations(id).stream().filter(t -> t.language().equals(language))
                .findFirst().orElse(new Translation(language, null, ""));
        return issuePage(model, issue, new TranslationForm(language, Optional.ofNullable(translation.title()).orElse(""),
                translation.body()), Map.of(), null, locale);
    }

    @PostMapping("/{id}/translations")
    String saveTranslation(@PathVariable long id, TranslationForm form,
                           @RequestParam(defaultValue = "save") String action, Model model, Locale locale,
                           HttpServletResponse response, RedirectAttributes redirect) {
        Issue issue = find(id);
        if ("preview".equals(action)) {
            return issuePage(model, issue, form, Map.of(), newsletters.preview(form.body()), locale);
        }
        try {
            newsletters.saveTranslation(id, form.language(), form.title(), form.body());
            redirect.addFlashAttribute("done", "newsletters.done.saved");
            return "redirect:/staff/newsletters/" + id + "?edit=" + form.language();
        }
        catch (NewsletterRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return issuePage(model, issue, form, errors(rejected.problems(), locale), null, locale);
        }
    }

    /** The editor's live preview (htmx): Markdown only, blocks fill themselves when publishing. */
    @PostMapping("/preview")
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("preview", newsletters.preview(body.length() > 50_000 ? body.substring(0, 50_000) : body));
        return "newsletters/fragments :: preview";
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable long id, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, () -> newsletters.submitForReview(id), "newsletters.done.review", model, locale, response, redirect);
    }

    @PostMapping("/{id}/draft")
    String draft(@PathVariable long id, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, () -> newsletters.returnToDraft(id), "newsletters.done.draft", model, locale, response, redirect);
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, () -> newsletters.publish(id), "newsletters.done.published", model, locale, response, redirect);
    }

    @PostMapping("/{id}/schedule")
    String schedule(@PathVariable long id, @RequestParam(defaultValue = "") String publishAt, Model model, Locale locale,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, () -> newsletters.schedule(id, publishAt), "newsletters.done.scheduled", model, locale,
                response, redirect);
    }

    @PostMapping("/{id}/unschedule")
    String unschedule(@PathVariable long id, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return transition(id, () -> newsletters.unschedule(id), "newsletters.done.unscheduled", model, locale, response, redirect);
    }

    /** Delivery so far; htmx polls it every two seconds until nothing is pending. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("issue", find(id));
        model.addAttribute("progress", newsletters.progress(id));
        return "newsletters/fragments :: progress";
    }

    private String transition(long id, Runnable change, String done, Model model, Locale locale,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Issue issue = find(id);
        try {
            change.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/newsletters/" + id;
        }
        catch (NewsletterRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Translation translation = newsletters.translations(id).stream()
                    .filter(t -> t.language().equals(issue.defaultLanguage())).findFirst()
                    .orElse(new Translation(issue.defaultLanguage(), null, ""));
            return issuePage(model, issue, new TranslationForm(translation.language(),
                    Optional.ofNullable(translation.title()).orElse(""), translation.body()),
                    errors(rejected.problems(), locale), null, locale);
        }
    }

    private String issuePage(Model model, Issue issue, TranslationForm form, Map<String, String> errors, String preview,
                             Locale locale) {
        List<Translation> translations = newsletters.translations(issue.id());
        model.addAttribute("issue", issue);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview != null ? preview : newsletters.preview(form.body()));
        model.addAttribute("languages", languageNames(locale));
        model.addAttribute("written", translations.stream().map(Translation::language).toList());
        model.addAttribute("generatedTitle", newsletters.generatedTitle(issue.id(), form.language()));
        model.addAttribute("audience", newsletters.audience(issue));
        model.addAttribute("progress", newsletters.progress(issue.id()));
        model.addAttribute("failures", newsletters.failures(issue.id()));
        model.addAttribute("zone", properties.zone().getId());
        model.addAttribute("publishAt", issue.publishAt() == null ? null
                : ZonedDateTime.ofInstant(issue.publishAt(), properties.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        return "newsletters/staff-issue";
    }

    private Map<String, String> languageNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        newsletters.languages().forEach(l -> names.put(l, Locale.forLanguageTag(l).getDisplayLanguage(locale)));
        return names;
    }

    private Map<String, String> errors(List<Problem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem problem : problems) {
            Object[] args = java.util.Arrays.stream(problem.args())
                    .map(a -> a instanceof String key && key.matches("draft|review|scheduled|published")
                            ? messages.getMessage("newsletters.status." + key, null, locale) : a)
                    .toArray();
            errors.merge(problem.field(), messages.getMessage(problem.code(), args, locale), (a, b) -> a + " " + b);
        }
        return errors;
    }

    private Issue find(long id) {
        return newsletters.issue(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
