package org.beatbook.personnel.domain;

/** The public sees a contact field only when the member chose to make it public. */
public final class PublicContact {

    private PublicContact() {
    }

    public static String visible(String value, boolean isPublic) {
        return isPublic && value != null && !value.isBlank() ? value : null;
    }
}
