package org.beatbook.engagement.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.beatbook.engagement.application.Engagement;
import org.beatbook.engagement.domain.FieldProblem;
import org.beatbook.engagement.persistence.EngagementStore.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the signed links in every list email open: unsubscribe (a page with one button), the RFC 8058 one-click
 * target (no page, no CSRF token: the signature is the authority), and preferences with self-service deletion.
 */
@Controller
class SubscriptionPages {

    private final Engagement engagement;
    private final ProblemText text;

    SubscriptionPages(Engagement engagement, ProblemText text) {
        this.engagement = engagement;
        this.text = text;
    }

    @GetMapping("/subscriptions/unsubscribe")
    ModelAndView unsubscribePage(@RequestParam(required = false) String s, @RequestParam(required = false) String sig) {
        return withSubscription(s, sig, sub -> page("engagement/unsubscribe", sub, Map.of()));
    }

    @PostMapping("/subscriptions/unsubscribe")
    ModelAndView unsubscribe(@RequestParam(required = false) String s, @RequestParam(required = false) String sig) {
        Optional<Long> id = engagement.verifiedId(s, sig);
        if (id.isEmpty()) {
            return problem("tampered", HttpStatus.BAD_REQUEST);
        }
        engagement.unsubscribe(id.get(), Engagement.Channel.PAGE);
        return new ModelAndView("engagement/unsubscribed", Map.of("s", id.get(), "sig", sig));
    }

    /** RFC 8058: mail clients POST {@code List-Unsubscribe=One-Click}; the answer has no page. */
    @PostMapping("/subscriptions/one-click")
    @ResponseBody
    ResponseEntity<Void> oneClick(@RequestParam(required = false) String s, @RequestParam(required = false) String sig,
                                  @RequestParam(name = "List-Unsubscribe", required = false) String body) {
        Optional<Long> id = engagement.verifiedId(s, sig);
        if (id.isEmpty() || !"One-Click".equals(body)) {
            return ResponseEntity.badRequest().build();
        }
        engagement.unsubscribe(id.get(), Engagement.Channel.ONE_CLICK);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/subscriptions/preferences")
    ModelAndView preferences(@RequestParam(required = false) String s, @RequestParam(required = false) String sig) {
        return withSubscription(s, sig, sub -> page("engagement/preferences", sub, Map.of()));
    }

    @PostMapping("/subscriptions/preferences")
    ModelAndView savePreferences(@RequestParam(required = false) String s, @RequestParam(required = false) String sig,
                                 @RequestParam(required = false) String language,
                                 @RequestParam(required = false) List<String> priorities, Locale locale) {
        return withSubscription(s, sig, sub -> {
            List<FieldProblem> problems = engagement.updatePreferences(sub, language, priorities);
            if (!problems.isEmpty()) {
                ModelAndView page = page("engagement/preferences", sub, text.byField(problems, locale));
                page.setStatus(HttpStatus.BAD_REQUEST);
                return page;
            }
            ModelAndView page = page("engagement/preferences", engagement.subscription(sub.id()).orElseThrow(),
                    Map.of());
            page.addObject("saved", true);
            return page;
        });
    }

    @PostMapping("/subscriptions/delete")
    ModelAndView delete(@RequestParam(required = false) String s, @RequestParam(required = false) String sig) {
        return withSubscription(s, sig, sub -> {
            engagement.deleteSelf(sub);
            return new ModelAndView("engagement/deleted");
        });
    }

    private ModelAndView withSubscription(String s, String sig,
                                          java.util.function.Function<Subscription, ModelAndView> action) {
        Optional<Long> id = engagement.verifiedId(s, sig);
        if (id.isEmpty()) {
            return problem("tampered", HttpStatus.BAD_REQUEST);
        }
        return engagement.subscription(id.get()).map(action).orElseGet(() -> problem("gone", HttpStatus.NOT_FOUND));
    }

    private ModelAndView page(String view, Subscription sub, Map<String, String> errors) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("sub", sub);
        page.addObject("s", sub.id());
        page.addObject("sig", engagement.signature(sub.id()));
        page.addObject("district", engagement.unitLabel(sub.unit()));
        page.addObject("choices", new JoinPages.Choices(engagement.languages(), engagement.priorities()));
        page.addObject("errors", errors);
        return page;
    }

    private static ModelAndView problem(String problem, HttpStatus status) {
        return new ModelAndView("engagement/link-problem", Map.of("problem", problem), status);
    }
}
