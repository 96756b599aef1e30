package org.beatbook.newsletters.application;

/**
 * What staff fill in to start an issue, as typed.
 *
 * @param level unit level key, e.g. {@code district}
 * @param units unit codes separated by commas or spaces, e.g. "7, 9"
 * @param periodKind {@code quarter} or {@code month}
 * @param periodStart first month, {@code yyyy-MM}
 * @param language the default language; its version is the one written first
 * @param title optional title (empty: generated from the units and period)
 * @param body Markdown
 */
public record NewIssue(String level, String units, String periodKind, String periodStart, String language,
                       String title, String body) {
}
