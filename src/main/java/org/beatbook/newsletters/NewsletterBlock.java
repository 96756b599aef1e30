package org.beatbook.newsletters;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.beatbook.geography.UnitKey;

/**
 * A ready-made part of a newsletter that fills itself from data at the moment an issue is published (officers today;
 * meetings, trends and problems solved from later modules). Any module may declare one as a Spring bean; the blocks
 * appear after the body in {@link #order()}.
 */
public interface NewsletterBlock {

    /** Where the block goes among the others: lower first. */
    int order();

    /**
     * The block for these units in this language, or empty when there is nothing to show yet (the block is then
     * left out). Must be safe HTML: every value from data escaped; links absolute (emails are read elsewhere).
     */
    Optional<Rendered> render(Collection<UnitKey> units, Locale locale);

    /**
     * @param heading the block's heading, plain text
     * @param html the block's content as an HTML fragment (no heading), safe to embed in pages, emails and PDFs
     *             (well-formed XHTML: the PDF renderer needs it)
     * @param text the same content as plain text for the text part of emails
     */
    record Rendered(String heading, String html, String text) {
    }
}
