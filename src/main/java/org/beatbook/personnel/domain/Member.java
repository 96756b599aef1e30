package org.beatbook.personnel.domain;

/**
 * A stored member.
 *
 * @param photoTag the photo's ETag, or null when the member has no photo
 */
public record Member(long id, MemberData data, String photoTag) {

    public boolean hasPhoto() {
        return photoTag != null;
    }
}
