package org.beatbook.newsletters.domain;

/**
 * An email part rendered once per language, with placeholders for the links that differ per recipient, so sending
 * 100,000 messages costs string replacement, not 100,000 template renderings.
 */
public record MailTemplate(String html, String text) {

    public static final String UNSUBSCRIBE = "%%BEATBOOK-UNSUBSCRIBE%%";
    public static final String PREFERENCES = "%%BEATBOOK-PREFERENCES%%";
    private static final String PREFIX = "%%BEATBOOK-";

    /** The parts for one recipient; {@code escape} turns a URL into HTML attribute text. */
    public MailTemplate personalise(String unsubscribe, String preferences, java.util.function.UnaryOperator<String> escape) {
        return new MailTemplate(fill(html, escape.apply(unsubscribe), escape.apply(preferences)),
                fill(text, unsubscribe, preferences));
    }

    /** Both placeholders in one pass over the template (it is copied once per recipient, so this is the hot loop). */
    private static String fill(String template, String unsubscribe, String preferences) {
        StringBuilder out = new StringBuilder(template.length() + 2 * unsubscribe.length());
        int from = 0;
        while (true) {
            int next = template.indexOf(PREFIX, from);
            if (next < 0) {
                return out.append(template, from, template.length()).toString();
            }
            out.append(template, from, next);
            if (template.startsWith(UNSUBSCRIBE, next)) {
                out.append(unsubscribe);
                from = next + UNSUBSCRIBE.length();
            }
            else if (template.startsWith(PREFERENCES, next)) {
                out.append(preferences);
                from = next + PREFERENCES.length();
            }
            else {
                out.append(PREFIX);
                from = next + PREFIX.length();
            }
        }
    }
}
