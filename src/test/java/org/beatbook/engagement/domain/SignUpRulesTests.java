package org.beatbook.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignUpRulesTests {

    final SignUpRules rules = new SignUpRules(List.of("en", "es"), List.of("reducing-crime", "community"));

    SignUp good() {
        return new SignUp(" Ana ", "Ana@Example.ORG ", "+1 (312) 555-0100 x12", "1340 S Sawyer Ave", "es",
                List.of("community", "reducing-crime", "community"), "  ", true);
    }

    @Test
    void aGoodSignUpPassesAndIsTidied() {
        assertThat(rules.check(good())).isEmpty();
        SignUp tidy = rules.normalize(good());
        assertThat(tidy.name()).isEqualTo("Ana");
        assertThat(tidy.email()).isEqualTo("ana@example.org");
        assertThat(tidy.priorities()).containsExactly("reducing-crime", "community");
        assertThat(tidy.concern()).isNull();
    }

    @Test
    void everyProblemNamesItsField() {
        SignUp bad = new SignUp("", "nope", "abc", "<script>", "fr", List.of("bribery"), "x".repeat(2001), false);
        assertThat(rules.check(bad)).extracting(FieldProblem::field)
                .containsExactly("name", "email", "phone", "address", "language", "priorities", "concern", "consent");
        assertThat(rules.check(bad)).extracting(FieldProblem::code)
                .containsExactly("required", "email", "phone", "markup", "choice", "choice", "tooLong", "consent");
    }

    @Test
    void aLessThanSignThatIsNotATagIsFine() {
        SignUp s = new SignUp("Ana", "a@example.org", null, "1 Main St", "en", null, "We <3 our officers; speed < 30", true);
        assertThat(rules.check(s)).isEmpty();
    }

    @Test
    void linkSignaturesVerifyOnlyForTheirSubscriber() {
        LinkSigner signer = new LinkSigner("0123456789abcdef0123456789abcdef".getBytes());
        String sig = signer.sign(42);
        assertThat(signer.verify(42, sig)).isTrue();
        assertThat(signer.verify(43, sig)).isFalse();
        assertThat(signer.verify(42, sig.substring(1))).isFalse();
        assertThat(signer.verify(42, null)).isFalse();
        assertThat(new LinkSigner("another-secret-of-32-bytes-long!".getBytes()).verify(42, sig)).isFalse();
    }

    @Test
    void tokensAreUnguessableAndStoredAsHashes() {
        String a = Tokens.newToken();
        assertThat(a).hasSize(43).isNotEqualTo(Tokens.newToken());
        assertThat(Tokens.hash(a)).hasSize(64).isEqualTo(Tokens.hash(a)).isNotEqualTo(Tokens.hash(Tokens.newToken()));
    }

    @Test
    void theSlidingWindowForgetsOldEvents() {
        MutableClock clock = new MutableClock();
        SlidingWindowLimit limit = new SlidingWindowLimit(2, Duration.ofMinutes(10), clock);
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
        assertThat(limit.tryAcquire("b")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(limit.tryAcquire("a")).isTrue();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-07-01T10:00:00Z");

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
    }
}
