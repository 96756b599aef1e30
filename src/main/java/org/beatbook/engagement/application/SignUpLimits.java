package org.beatbook.engagement.application;

import java.time.Clock;

import org.beatbook.engagement.domain.SlidingWindowLimit;

/** The per-IP and per-address sign-up limits. */
class SignUpLimits {

    private final SlidingWindowLimit perIp;
    private final SlidingWindowLimit perAddress;

    SignUpLimits(EngagementProperties properties, Clock clock) {
        this.perIp = new SlidingWindowLimit(properties.signUpsPerIp(), properties.ipWindow(), clock);
        this.perAddress = new SlidingWindowLimit(properties.signUpsPerAddress(), properties.addressWindow(), clock);
    }

    /** @param clientIp null for staff entering paper forms */
    void acquire(String clientIp, String email) {
        if ((clientIp != null && !perIp.tryAcquire(clientIp)) || !perAddress.tryAcquire(email)) {
            throw new RateLimited();
        }
    }
}
