package org.beatbook.newsletters.application;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.NewsletterBlock;
import org.beatbook.personnel.OfficerCard;
import org.beatbook.personnel.OfficerDirectory;
import org.beatbook.platform.Department;
import org.beatbook.platform.LanguageNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** "Your officers": who serves the units on the day of publishing, with photo and public contact details. */
@Component
class OfficersBlock implements NewsletterBlock {

    private final OfficerDirectory officers;
    private final Department department;
    private final MessageSource messages;

    OfficersBlock(OfficerDirectory officers, Department department, MessageSource messages) {
        this.officers = officers;
        this.department = department;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Rendered> render(Collection<UnitKey> units, Locale locale) {
        List<OfficerCard> cards = officers.currentOfficers(units);
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder html = new StringBuilder("<ul class=\"newsletter-officers\">");
        StringBuilder text = new StringBuilder();
        for (OfficerCard card : cards) {
            String who = card.rank() + " " + card.name();
            html.append("<li>");
            if (card.photoUrl() != null) {
                html.append("<img src=\"").append(e(department.link(card.photoUrl()))).append("\" alt=\"")
                        .append(e(messages.getMessage("newsletters.block.officers.photo", new Object[] {card.name()}, locale)))
                        .append("\" width=\"96\" height=\"96\" />");
            }
            html.append("<p><strong>").append(e(who)).append("</strong><br />").append(e(card.roleName()));
            text.append("- ").append(who).append(", ").append(card.roleName());
            if (card.email() != null) {
                html.append("<br /><a href=\"mailto:").append(e(card.email())).append("\">").append(e(card.email())).append("</a>");
                text.append(", ").append(card.email());
            }
            if (card.phone() != null) {
                html.append("<br />").append(e(card.phone()));
                text.append(", ").append(card.phone());
            }
            if (!card.languages().isEmpty()) {
                String spoken = String.join(", ", LanguageNames.names(card.languages(), locale));
                String line = messages.getMessage("newsletters.block.officers.languages", new Object[] {spoken}, locale);
                html.append("<br />").append(e(line));
                text.append(" (").append(line).append(")");
            }
            html.append("</p></li>");
            text.append('\n');
        }
        html.append("</ul>");
        return Optional.of(new Rendered(messages.getMessage("newsletters.block.officers", null, locale),
                html.toString(), text.toString()));
    }

    private static String e(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
