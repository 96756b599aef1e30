package org.beatbook.newsletters.domain;

/**
 * An email part rendered once per language, with placeholders for the links that differ per recipient, so sending
 * 100,000 messages costs string replacement, not 100,000 template renderings.
 */
public record MailTemplate(String html, String text) {

    public static final String UNSUBSCRIBE = "%%BEATBOOK-UNSUBSCRIBE%%";
    public static final String PREFERENCES = "%%BEATBOOK-PREFERENCES%%";

    /** The parts for one recipient; {@code escape} turns a URL into HTML attribute text. */
    public MailTemplate personalise(String unsubscribe, String preferences, java.util.function.UnaryOperator<String> escape) {
        return new MailTemplate(
                html.replace(UNSUBSCRIBE, escape.apply(unsubscribe)).replace(PREFERENCES, escape.apply(preferences)),
                text.replace(UNSUBSCRIBE, unsubscribe).replace(PREFERENCES, preferences));
    }
}
