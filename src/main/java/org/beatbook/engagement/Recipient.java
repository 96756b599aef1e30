package org.beatbook.engagement;

import org.beatbook.geography.UnitKey;

/**
 * A confirmed subscriber as list mail sees them: nothing more than sending needs.
 *
 * @param subscriberId stable id
 * @param email confirmed address
 * @param name how to greet them
 * @param language preferred language, a BCP 47 tag such as {@code en} or {@code es}
 * @param unit the unit whose list they are on (their district)
 */
public record Recipient(long subscriberId, String email, String name, String language, UnitKey unit) {
}
