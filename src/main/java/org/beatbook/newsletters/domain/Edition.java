package org.beatbook.newsletters.domain;

/** One language version as it was frozen at publishing: archive HTML and the email parts with link placeholders. */
public record Edition(String language, String title, String bodyHtml, MailTemplate mail) {
}
