package org.beatbook.engagement.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.engagement.application.Checked;
import org.beatbook.engagement.application.Engagement;
import org.beatbook.engagement.application.Engagement.ConfirmResult;
import org.beatbook.engagement.application.Engagement.Source;
import org.beatbook.engagement.application.RateLimited;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public community engagement form, in two steps without JavaScript: check (the district is found from the
 * address and shown), then confirm (the confirmation mail is queued). Then the link from that mail.
 */
@Controller
class JoinPages {

    private final Engagement engagement;
    private final ProblemText text;

    JoinPages(Engagement engagement, ProblemText text) {
        this.engagement = engagement;
        this.text = text;
    }

    @ModelAttribute("choices")
    Choices choices() {
        return new Choices(engagement.languages(), engagement.priorities());
    }

    @GetMapping("/engagement/join")
    String form(@RequestParam(required = false) String address, @RequestParam(required = false) String district,
                Locale locale, Model model) {
        String prefill = address == null || address.length() > 200 ? "" : address;
        String districtHint = district == null || district.length() > 100 ? null : district;
        String language = engagement.languages().contains(locale.getLanguage()) ? locale.getLanguage()
                : engagement.languages().get(0);
        return form(model, JoinForm.blank(prefill, districtHint, language), Map.of(), null);
    }

    /** Step 1: check everything and show the district; nothing is stored yet. */
    @PostMapping("/engagement/join")
    String check(@ModelAttribute JoinForm form, Locale locale, Model model, HttpServletResponse response) {
        if (form.isBot()) {
            return "engagement/sent";
        }
        Checked checked = engagement.check(form.toSignUp());
        if (!checked.ok()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, text.byField(checked.problems(), locale), checked);
        }
        model.addAttribute("form", form);
        model.addAttribute("checked", checked);
        return "engagement/check";
    }

    /** Step 2: the resident saw the district and confirms (or goes back to change something). */
    @PostMapping("/engagement/join/confirm")
    String submit(@ModelAttribute JoinForm form, @RequestParam(defaultValue = "confirm") String action, Locale locale,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        if (form.isBot()) {
            return "engagement/sent";
        }
        if (action.equals("edit")) {
            return form(model, form, Map.of(), null);
        }
        Checked checked = engagement.submit(form.toSignUp(), Source.WEB, null, ClientAddress.of(request));
        if (!checked.ok()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, text.byField(checked.problems(), locale), checked);
        }
        model.addAttribute("district", checked.unit().label());
        return "engagement/sent";
    }

    @GetMapping("/subscriptions/confirm")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        ConfirmResult result = engagement.confirm(token);
        if (result == ConfirmResult.CONFIRMED) {
            return "engagement/confirmed";
        }
        response.setStatus(result == ConfirmResult.EXPIRED ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("problem", result == ConfirmResult.EXPIRED ? "expired" : "unknown");
        return "engagement/link-problem";
    }

    @ExceptionHandler(RateLimited.class)
    ModelAndView rateLimited() {
        return new ModelAndView("engagement/link-problem", Map.of("problem", "limited"), HttpStatus.TOO_MANY_REQUESTS);
    }

    private String form(Model model, JoinForm form, Map<String, String> errors, Checked checked) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("suggestions", checked == null ? java.util.List.of() : checked.suggestions());
        return "engagement/join";
    }

    record Choices(java.util.List<String> languages, java.util.List<String> priorities) {
    }
}
