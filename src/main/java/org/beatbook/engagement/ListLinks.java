package org.beatbook.engagement;

/**
 * The signed links every list email carries (no account needed).
 *
 * @param unsubscribePage https link to a page that unsubscribes in one click (GET shows it, POST does it)
 * @param oneClickUnsubscribe the RFC 8058 target for {@code List-Unsubscribe} (a POST with
 *                            {@code List-Unsubscribe=One-Click} unsubscribes without a page)
 * @param mailtoUnsubscribe a {@code mailto:} address for {@code List-Unsubscribe}
 * @param preferences https link to manage preferences (language, priorities) or leave
 */
public record ListLinks(String unsubscribePage, String oneClickUnsubscribe, String mailtoUnsubscribe,
                        String preferences) {
}
