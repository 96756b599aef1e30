package org.beatbook.incidents.domain;

/**
 * Parses decimal numbers as {@link Double#parseDouble} does, faster for the plain ones a coordinate column holds
 * ("41.794423289", "-87.672396958"): a number of at most 15 digits with a point is its digits, an exact double,
 * divided by a power of ten up to 10^22, also exact, and IEEE division rounds that quotient correctly, so the result
 * is the very double {@code parseDouble} returns (Clinger's fast path). Anything else goes to {@code parseDouble}.
 */
final class Decimals {

    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** @throws NumberFormatException as {@link Double#parseDouble} does */
    static double parse(String text) {
        int length = text.length();
        int at = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            at = 1;
        }
        long digits = 0;
        int count = 0;
        int point = -1;
        for (int k = at; k < length; k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_DIGITS) {
                    return Double.parseDouble(text);
                }
                digits = digits * 10 + (c - '0');
            }
            else if (c == '.' && point < 0) {
                point = k;
            }
            else {
                return Double.parseDouble(text);
            }
        }
        if (count == 0) {
            return Double.parseDouble(text);
        }
        double value = point < 0 ? digits : digits / POWERS_OF_TEN[length - point - 1];
        return negative ? -value : value;
    }
}
