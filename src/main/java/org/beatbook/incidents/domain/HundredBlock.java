package org.beatbook.incidents.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generalises an address to its hundred block, the way Chicago publishes it: {@code 1340 S SAWYER AVE} and
 * {@code 013XX S SAWYER AVE} both become {@code 013XX S SAWYER AVE}. Text without a leading number (an
 * intersection, a park) is kept only when it has no digits at all; otherwise it is withheld.
 */
public final class HundredBlock {

    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,6})(XX)?\\b\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private HundredBlock() {
    }

    /** The hundred block, or null when the address cannot be generalised safely. */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        Matcher m = NUMBERED.matcher(address.trim());
        if (m.matches()) {
            int number = Integer.parseInt(m.group(1));
            int block = m.group(2) != null ? number : number / 100;
            String street = m.group(3).trim().replaceAll("\\s+", " ");
            if (street.isEmpty() || street.matches(".*\\d{3,}.*")) {
                return null;
            }
            return String.format("%03dXX %s", block, street);
        }
        return address.matches(".*\\d.*") ? null : address.trim().replaceAll("\\s+", " ");
    }

    /** The first house number of the block, e.g. 1300 for {@code 013XX S SAWYER AVE}, or -1. */
    public static int firstNumber(String block) {
        Matcher m = NUMBERED.matcher(block == null ? "" : block);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(1)) * 100 : -1;
    }

    /** The street part of a block. */
    public static String street(String block) {
        Matcher m = NUMBERED.matcher(block == null ? "" : block);
        return m.matches() ? m.group(3).trim() : block;
    }
}
