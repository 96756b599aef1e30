package org.beatbook.engagement.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the subscriber id in unsubscribe and preference links (HMAC-SHA256), so a link works without an account and
 * cannot be altered to reach somebody else's subscription.
 */
public final class LinkSigner {

    private final SecretKeySpec key;

    public LinkSigner(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The link secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String sign(long subscriberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("subscriber:" + subscriberId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Constant-time comparison, so the signature cannot be guessed byte by byte. */
    public boolean verify(long subscriberId, String signature) {
        return signature != null && MessageDigest.isEqual(sign(subscriberId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
