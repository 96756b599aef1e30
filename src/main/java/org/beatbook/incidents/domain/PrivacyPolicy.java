package org.beatbook.incidents.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one policy for everything the public sees (page, public API, exports): addresses only to the hundred block,
 * points moved to a deterministic pseudo-random spot along that block (seeded by the incident's id and a secret, so
 * the same incident always lands on the same spot and nobody without the secret can undo it), sensitive offenses
 * never as points and counted only at the top level (district) and above, counts under {@code minimumCount}
 * suppressed there.
 *
 * @param windowDays how many days back the public pages and API reach (e.g. 90 or 180)
 * @param sensitiveOffenses offenses (as classified, case-insensitive) the department lists as sensitive, on top of
 *                          the classification table's own flags and the source's flags (e.g. Domestic)
 */
public record PrivacyPolicy(int windowDays, String secret, Set<String> sensitiveOffenses, int minimumCount) {

    private static final double METERS_PER_DEGREE = 111_320;
    /** A Chicago hundred block is about 200 m; used only when the gazetteer does not know the block. */
    private static final double FALLBACK_BLOCK_METERS = 200;

    public PrivacyPolicy {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("beatbook.incidents.privacy.secret must be set");
        }
        sensitiveOffenses = sensitiveOffenses.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isSensitive(boolean flagged, String offense) {
        return flagged || (offense != null && sensitiveOffenses.contains(offense.toLowerCase(Locale.ROOT)));
    }

    public String block(String address) {
        return HundredBlock.of(address);
    }

    /** A count as the public may see it: null ("fewer than N") when small but not zero. */
    public Long publicSensitiveCount(long count) {
        return count > 0 && count < minimumCount ? null : count;
    }

    /**
     * The public point of an incident.
     *
     * @param blockLine the block's start and end as {lat1, lon1, lat2, lon2}, or null when unknown
     */
    public double[] publicPoint(String incidentKey, String block, double latitude, double longitude,
                                double[] blockLine) {
        ByteBuffer random = ByteBuffer.wrap(hmac(incidentKey));
        double t = 0.1 + 0.8 * ((random.getInt() >>> 1) / (double) Integer.MAX_VALUE);
        double[] point;
        if (blockLine != null && distanceMeters(blockLine[0], blockLine[1], blockLine[2], blockLine[3]) > 20) {
            point = new double[] {blockLine[0] + t * (blockLine[2] - blockLine[0]),
                    blockLine[1] + t * (blockLine[3] - blockLine[1])};
        }
        else {
            // Along the street's axis as its direction prefix says (S SAWYER AVE runs north-south), by up to half a
            // block either way, never less than 20 m.
            double meters = (t - 0.5) * FALLBACK_BLOCK_METERS;
            meters = Math.copySign(Math.max(20, Math.abs(meters)), meters);
            boolean northSouth = runsNorthSouth(block, random.getInt());
            double dLat = northSouth ? meters / METERS_PER_DEGREE : 0;
            double dLon = northSouth ? 0 : meters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
            point = new double[] {latitude + dLat, longitude + dLon};
        }
        point[0] = Math.round(point[0] * 1e5) / 1e5;
        point[1] = Math.round(point[1] * 1e5) / 1e5;
        if (point[0] == latitude && point[1] == longitude) {
            point[0] += 30 / METERS_PER_DEGREE;
        }
        return point;
    }

    private static boolean runsNorthSouth(String block, int coin) {
        String street = block == null ? "" : HundredBlock.street(block).toUpperCase(Locale.ROOT);
        if (street.startsWith("N ") || street.startsWith("S ")) {
            return true;
        }
        if (street.startsWith("E ") || street.startsWith("W ")) {
            return false;
        }
        return (coin & 1) == 0;
    }

    private byte[] hmac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METERS_PER_DEGREE;
        double dx = (lon2 - lon1) * METERS_PER_DEGREE * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dx, dy);
    }
}
