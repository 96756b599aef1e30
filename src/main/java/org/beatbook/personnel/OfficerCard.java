package org.beatbook.personnel;

import java.util.List;

import org.beatbook.geography.UnitKey;

/**
 * What the public sees of a member in a current assignment: only the contact fields the member made public
 * (null otherwise).
 *
 * @param memberId stable id, used for the photo URL
 * @param name display name, e.g. "Maria Lopez"
 * @param rank e.g. "Officer", "Lieutenant"
 * @param roleKey e.g. {@code district-officer}, {@code area-commander}
 * @param roleName the role in the department's words, e.g. "District Officer"
 * @param unit the unit the member is assigned to
 * @param email public email or null
 * @param phone public phone or null
 * @param languages languages spoken, as ISO 639-1 codes ("en", "es"); pages show their names with
 *                  {@link org.beatbook.platform.LanguageNames}
 * @param photoUrl path of the member's photo, or null when there is none
 * @param demo true for the fictitious people of the demo data
 */
public record OfficerCard(long memberId, String name, String rank, String roleKey, String roleName, UnitKey unit,
                          String email, String phone, List<String> languages, String photoUrl, boolean demo) {
}
