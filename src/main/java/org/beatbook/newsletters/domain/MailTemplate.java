package org.beatbook.newsletters.domain;

/**
 * An email part rendered once per language, with placeholders for the links that differ per recipient, so sending
 * 100,000 messages costs splicing in links, not 100,000 template renderings (see {@link EncodedPart}).
 */
public record MailTemplate(String html, String text) {

    public static final String UNSUBSCRIBE = "%%BEATBOOK-UNSUBSCRIBE%%";
    public static final String PREFERENCES = "%%BEATBOOK-PREFERENCES%%";

    /** Both parts quoted-printable encoded, ready for the links of each recipient. */
    public Encoded encode() {
        return new Encoded(new EncodedPart(text), new EncodedPart(html));
    }

    public record Encoded(EncodedPart text, EncodedPart html) {
    }
}
