package org.beatbook.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class NewsletterDomainTests {

    @Test
    void workflowGoesDraftReviewScheduledOrPublished() {
        assertThat(IssueStatus.DRAFT.canMoveTo(IssueStatus.REVIEW)).isTrue();
        assertThat(IssueStatus.DRAFT.canMoveTo(IssueStatus.PUBLISHED)).isFalse();
        assertThat(IssueStatus.REVIEW.canMoveTo(IssueStatus.SCHEDULED)).isTrue();
        assertThat(IssueStatus.REVIEW.canMoveTo(IssueStatus.PUBLISHED)).isTrue();
        assertThat(IssueStatus.REVIEW.canMoveTo(IssueStatus.DRAFT)).isTrue();
        assertThat(IssueStatus.SCHEDULED.canMoveTo(IssueStatus.PUBLISHED)).isTrue();
        assertThat(IssueStatus.PUBLISHED.canMoveTo(IssueStatus.DRAFT)).isFalse();
        assertThat(IssueStatus.REVIEW.editable()).isFalse();
    }

    @Test
    void periodsAreNamedAfterTheirFirstMonthInTheReadersLanguage() {
        Period july = new Period(Period.Kind.QUARTER, YearMonth.of(2026, 7));
        assertThat(july.label(Locale.ENGLISH)).isEqualTo("July 2026");
        assertThat(july.label(Locale.forLanguageTag("es"))).isEqualTo("Julio de 2026");
        assertThat(july.valid()).isTrue();
        assertThat(new Period(Period.Kind.QUARTER, YearMonth.of(2026, 8)).valid()).isFalse();
        assertThat(new Period(Period.Kind.MONTH, YearMonth.of(2026, 8)).valid()).isTrue();
        assertThat(Period.current(Period.Kind.QUARTER, YearMonth.of(2026, 11)).start()).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void textChecksNameTheField() {
        assertThat(IssueText.check("", "")).extracting(Problem::field).containsExactly("body");
        assertThat(IssueText.check("ok", "<SCRIPT src=x>")).extracting(Problem::code).containsExactly("newsletters.error.body.script");
        assertThat(IssueText.check("a>b", "fine")).extracting(Problem::code).containsExactly("newsletters.error.title.markup");
        assertThat(IssueText.check(null, "fine")).isEmpty();
        assertThat(IssueText.language("es-MX")).isEqualTo("es");
        assertThat(IssueText.language("<script>")).isEmpty();
    }

    @Test
    void markdownEscapesRawHtmlSanitisesUrlsAndRendersTables() {
        MarkdownRenderer markdown = new MarkdownRenderer();
        assertThat(markdown.toHtml("<script>alert(1)</script>")).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(markdown.toHtml("[a](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(markdown.toHtml("[a](https://example.org)")).contains("href=\"https://example.org\"");
        assertThat(markdown.toHtml("| a | b |\n|---|---|\n| 1 | 2 |")).contains("<table>").contains("<td>1</td>");
    }

    @Test
    void fiveHundredsBounceOthersRetryWithBackoffUntilGivenUp() {
        DeliveryPolicy policy = new DeliveryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(3));
        assertThat(policy.afterFailure(550, 1)).isEqualTo(DeliveryPolicy.Outcome.BOUNCE);
        assertThat(policy.afterFailure(451, 1)).isEqualTo(DeliveryPolicy.Outcome.RETRY);
        assertThat(policy.afterFailure(0, 2)).isEqualTo(DeliveryPolicy.Outcome.RETRY);
        assertThat(policy.afterFailure(421, 3)).isEqualTo(DeliveryPolicy.Outcome.FAIL);
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void theRateLimiterSpacesSendsEvenly() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(10, now::get);
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
        assertThat(limiter.reserve()).isEqualTo(200_000_000L);
        now.set(1_000_000_000L);
        assertThat(limiter.reserve()).isZero();
        assertThat(new RateLimiter(0, now::get).reserve()).isZero();
    }

    @Test
    void mailTemplatesPersonaliseLinksOnly() throws Exception {
        MailTemplate template = new MailTemplate("<a href=\"" + MailTemplate.UNSUBSCRIBE + "\">x</a>",
                "Leave: " + MailTemplate.UNSUBSCRIBE + " Prefs: " + MailTemplate.PREFERENCES);
        MailTemplate.Encoded mail = template.encode();
        assertThat(decoded(mail.html().fill("https://x/u?a=1&amp;b=2", "https://x/p")))
                .isEqualTo("<a href=\"https://x/u?a=1&amp;b=2\">x</a>");
        assertThat(decoded(mail.text().fill("https://x/u?a=1&b=2", "https://x/p")))
                .isEqualTo("Leave: https://x/u?a=1&b=2 Prefs: https://x/p");
    }

    @Test
    void encodedPartsDecodeToTheFilledTemplateWithinTheLineLimit() throws Exception {
        String longLine = "Año nuevo — seguridad en el barrio, ".repeat(12);
        String template = MailTemplate.PREFERENCES + "\n" + longLine + MailTemplate.UNSUBSCRIBE + "trailing space \n"
                + "tab\t" + MailTemplate.UNSUBSCRIBE + MailTemplate.PREFERENCES + " %%BEATBOOK-OTHER%% = 100 %\n\n"
                + longLine + " " + MailTemplate.UNSUBSCRIBE;
        String unsubscribe = "https://police.example.org/subscriptions/unsubscribe?s=1234567&sig=" + "Ab-_0".repeat(9);
        String preferences = "https://police.example.org/subscriptions/preferences?s=1234567&sig=" + "Zz9".repeat(15);
        byte[] encoded = new EncodedPart(template).fill(unsubscribe, preferences);

        assertThat(decoded(encoded)).isEqualTo(template.replace(MailTemplate.UNSUBSCRIBE, unsubscribe)
                .replace(MailTemplate.PREFERENCES, preferences).replace("\n", "\r\n"));
        for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
            assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
        }
        assertThat(new String(encoded, StandardCharsets.US_ASCII)).matches("[\\x20-\\x7e\\r\\n]*");
    }

    private static String decoded(byte[] quotedPrintable) throws Exception {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(quotedPrintable), "quoted-printable")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void progressCountsWhatIsDealtWith() {
        assertThat(new Progress(3, 1, 0).percent()).isEqualTo(75);
        assertThat(new Progress(0, 0, 0).percent()).isEqualTo(100);
        assertThat(new Progress(9, 0, 1).done()).isTrue();
    }
}
