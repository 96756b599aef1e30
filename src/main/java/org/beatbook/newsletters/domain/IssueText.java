package org.beatbook.newsletters.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a language version before it is stored: a body is required, both fields have limits, and markup that
 * could run in a reader's mail client is refused with a clear message (Markdown escapes other HTML anyway).
 */
public final class IssueText {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 50_000;
    private static final Pattern SCRIPT = Pattern.compile("<\\s*/?\\s*(script|iframe|object|embed|style)\\b|javascript:",
            Pattern.CASE_INSENSITIVE);

    private IssueText() {
    }

    public static List<Problem> check(String title, String body) {
        List<Problem> problems = new ArrayList<>();
        if (title != null && title.strip().length() > MAX_TITLE) {
            problems.add(new Problem("title", "newsletters.error.title.long", MAX_TITLE));
        }
        else if (title != null && (title.contains("<") || title.contains(">"))) {
            problems.add(new Problem("title", "newsletters.error.title.markup"));
        }
        if (body == null || body.isBlank()) {
            problems.add(new Problem("body", "newsletters.error.body.empty"));
        }
        else if (body.length() > MAX_BODY) {
            problems.add(new Problem("body", "newsletters.error.body.long", MAX_BODY, body.length()));
        }
        else if (SCRIPT.matcher(body).find()) {
            problems.add(new Problem("body", "newsletters.error.body.script"));
        }
        return problems;
    }

    /** A BCP 47 language tag's primary language, lower case ("es-MX" -> "es"); empty for nonsense. */
    public static String language(String tag) {
        if (tag == null) {
            return "";
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return language.matches("[a-z]{2,3}") ? language : "";
    }
}
