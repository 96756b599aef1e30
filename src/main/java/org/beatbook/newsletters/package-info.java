/**
 * Newsletters: staff write an issue for one or more units in Markdown, per language; ready-made blocks fill
 * themselves when it is published; publishing puts it in the public archive (HTML, PDF, Atom) and delivers it by
 * email to the units' confirmed subscribers through an outbox, exactly once per recipient.
 * Public API: {@link org.beatbook.newsletters.NewsletterBlock}, for modules that contribute a block.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsletters")
package org.beatbook.newsletters;
