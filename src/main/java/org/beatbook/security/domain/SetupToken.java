package org.beatbook.security.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time secret that lets the operator create the first administrator when none is configured. It is shown
 * only in the server log, compared in constant time and usable once.
 */
public final class SetupToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private byte[] token;

    /** Makes a new token (replacing any earlier one) and returns it for the log. */
    public synchronized String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        token = value.getBytes(StandardCharsets.US_ASCII);
        return value;
    }

    public synchronized boolean matches(String candidate) {
        return token != null && candidate != null
                && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True once for the right token; afterwards the token is gone. */
    public synchronized boolean consume(String candidate) {
        if (!matches(candidate)) {
            return false;
        }
        token = null;
        return true;
    }

    public synchronized void revoke() {
        token = null;
    }

    public synchronized boolean issued() {
        return token != null;
    }
}
