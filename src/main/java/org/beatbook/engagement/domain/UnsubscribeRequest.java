package org.beatbook.engagement.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unsubscribe request sent by mail to the {@code mailto:} address of {@code List-Unsubscribe}, whose link fills
 * in the subject {@code unsubscribe <id> <signature>}. Only the form is checked here; the signature is verified by
 * {@link LinkSigner}.
 */
public record UnsubscribeRequest(long subscriberId, String signature) {

    // Anywhere in the subject, because mail clients add "Re:", "AW:" or "[External]" and change the case.
    private static final Pattern COMMAND = Pattern.compile(
            "(?<![\\w-])unsubscribe\\s+(\\d{1,18})\\s+([A-Za-z0-9_-]{1,100})(?![\\w-])", Pattern.CASE_INSENSITIVE);

    /**
     * The request in the subject or, when the subject has none (some clients drop it), in the first non-blank line
     * of the plain text body.
     *
     * @param subject the decoded subject, may be null
     * @param body the plain text body, may be null
     */
    public static Optional<UnsubscribeRequest> find(String subject, String body) {
        return parse(subject).or(() -> parse(firstLine(body)));
    }

    private static Optional<UnsubscribeRequest> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text);
        return m.find() ? Optional.of(new UnsubscribeRequest(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    private static String firstLine(String body) {
        return body == null ? null : body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
    }
}
