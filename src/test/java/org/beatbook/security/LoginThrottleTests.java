package org.beatbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.beatbook.security.domain.LoginThrottle;
import org.beatbook.security.domain.SetupToken;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private Instant now = Instant.parse("2025-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void locksAfterFiveFailuresForTheLockTime() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("Officer");
        }
        assertThat(throttle.isLocked("officer")).isFalse();
        throttle.failed("officer ");
        assertThat(throttle.isLocked("OFFICER")).isTrue();
        assertThat(throttle.isLocked("someone-else")).isFalse();
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.isLocked("officer")).isFalse();
        throttle.failed("officer");
        assertThat(throttle.isLocked("officer")).as("the count starts afresh after a lock").isFalse();
    }

    @Test
    void aSuccessResetsTheCount() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("officer");
        }
        throttle.succeeded("officer");
        throttle.failed("officer");
        assertThat(throttle.isLocked("officer")).isFalse();
    }

    @Test
    void setupTokenIsSingleUse() {
        SetupToken token = new SetupToken();
        assertThat(token.matches("anything")).isFalse();
        String value = token.issue();
        assertThat(value).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.consume("wrong")).isFalse();
        assertThat(token.consume(value)).isTrue();
        assertThat(token.consume(value)).isFalse();
        assertThat(token.matches(value)).isFalse();
    }
}
