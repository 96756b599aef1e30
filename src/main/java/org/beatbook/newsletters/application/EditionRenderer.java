package org.beatbook.newsletters.application;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.beatbook.newsletters.NewsletterBlock;
import org.beatbook.newsletters.domain.Edition;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.MailTemplate;
import org.beatbook.newsletters.domain.MarkdownRenderer;
import org.beatbook.newsletters.domain.Translation;
import org.beatbook.platform.Department;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Turns a language version into what readers get: the title (generated when staff left it empty), the Markdown body
 * with the blocks filled now, and the email parts. Rendered once per language, never per recipient.
 */
@Component
public class EditionRenderer {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final List<NewsletterBlock> blocks;
    private final MessageSource messages;
    private final Department department;
    private final ITemplateEngine templates;

    EditionRenderer(List<NewsletterBlock> blocks, MessageSource messages, Department department, ITemplateEngine templates) {
        this.blocks = blocks.stream().sorted(Comparator.comparingInt(NewsletterBlock::order)).toList();
        this.messages = messages;
        this.department = department;
        this.templates = templates;
    }

    public String title(Issue issue, Translation translation) {
        if (translation.title() != null && !translation.title().isBlank()) {
            return translation.title().strip();
        }
        Locale locale = Locale.forLanguageTag(translation.language());
        return messages.getMessage("newsletters.title.generated", new Object[] {
                issue.unitLabels(messages.getMessage("newsletters.and", null, locale)), issue.period().label(locale)}, locale);
    }

    /** Markdown only, for the editor preview (blocks fill themselves at publishing). */
    public String preview(String body) {
        return markdown.toHtml(body);
    }

    public Edition render(Issue issue, Translation translation) {
        Locale locale = Locale.forLanguageTag(translation.language());
        List<NewsletterBlock.Rendered> filled = blocks.stream()
                .map(block -> block.render(issue.unitKeys(), locale))
                .flatMap(Optional::stream).toList();
        StringBuilder html = new StringBuilder(markdown.toHtml(translation.body()));
        StringBuilder text = new StringBuilder(translation.body().strip()).append("\n");
        for (NewsletterBlock.Rendered block : filled) {
            html.append("<section class=\"newsletter-block\"><h2>").append(org.springframework.web.util.HtmlUtils.htmlEscape(block.heading()))
                    .append("</h2>").append(block.html()).append("</section>");
            text.append("\n").append(block.heading()).append("\n").append("-".repeat(block.heading().length())).append("\n")
                    .append(block.text());
        }
        String title = title(issue, translation);
        String view = department.link("/newsletters/issues/" + issue.id() + "?lang=" + translation.language());
        Map<String, Object> model = Map.of("title", title, "bodyHtml", html.toString(), "viewUrl", view,
                "unsubscribeUrl", MailTemplate.UNSUBSCRIBE, "preferencesUrl", MailTemplate.PREFERENCES,
                "department", department, "units", issue.unitLabels(messages.getMessage("newsletters.and", null, locale)));
        String emailHtml = templates.process("newsletters/email", new Context(locale, model));
        return new Edition(translation.language(), title, html.toString(), new MailTemplate(emailHtml,
                emailText(title, text.toString(), view, model.get("units").toString(), locale)));
    }

    private String emailText(String title, String body, String view, String units, Locale locale) {
        return title + "\n" + "=".repeat(Math.min(title.length(), 72)) + "\n\n"
                + m("newsletters.mail.view", locale, view) + "\n\n"
                + body + "\n"
                + "-- \n"
                + m("newsletters.mail.emergency", locale, department.nonEmergencyPhone()) + "\n\n"
                + m("newsletters.mail.why", locale, units) + "\n"
                + m("newsletters.mail.preferences", locale) + ": " + MailTemplate.PREFERENCES + "\n"
                + m("newsletters.mail.unsubscribe", locale) + ": " + MailTemplate.UNSUBSCRIBE + "\n\n"
                + department.name() + "\n" + department.postalAddress() + "\n";
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
