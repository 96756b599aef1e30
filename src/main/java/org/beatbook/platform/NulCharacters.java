package org.beatbook.platform;

/**
 * PostgreSQL {@code text} cannot hold U+0000: an insert of such a value fails with "invalid byte sequence for
 * encoding UTF8: 0x00", which aborts a whole import with a message no user can act on. Importers check their values
 * with this and reject the row or file, saying where.
 */
public final class NulCharacters {

    /** The reason, in the words every importer uses (after the place and the field). */
    public static final String REASON = "contains a NUL byte (0x00), which a text value cannot hold";

    private NulCharacters() {
    }

    public static boolean in(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /** The value with each NUL shown as ␀ (U+2400), for quoting it in a message. */
    public static String shown(String value) {
        return value == null ? null : value.replace('\0', '\u2400');
    }
}
