package org.beatbook.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

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
    void mailTemplatesPersonaliseLinksOnly() {
        MailTemplate template = new MailTemplate("<a href=\"" + MailTemplate.UNSUBSCRIBE + "\">x</a>",
                "Leave: " + MailTemplate.UNSUBSCRIBE + " Prefs: " + MailTemplate.PREFERENCES);
        MailTemplate mine = template.personalise("https://x/u?a=1&b=2", "https://x/p", url -> url.replace("&", "&amp;"));
        assertThat(mine.html()).isEqualTo("<a href=\"https://x/u?a=1&amp;b=2\">x</a>");
        assertThat(mine.text()).isEqualTo("Leave: https://x/u?a=1&b=2 Prefs: https://x/p");
    }

    @Test
    void everyPlaceholderIsFilledAndOtherTextIsKept() {
        String text = MailTemplate.PREFERENCES + " %%BEATBOOK-OTHER%% " + MailTemplate.UNSUBSCRIBE + " — "
                + MailTemplate.UNSUBSCRIBE + " %%";
        MailTemplate mine = new MailTemplate(text, text).personalise("U", "P", url -> "[" + url + "]");
        assertThat(mine.text()).isEqualTo("P %%BEATBOOK-OTHER%% U — U %%");
        assertThat(mine.html()).isEqualTo("[P] %%BEATBOOK-OTHER%% [U] — [U] %%");
    }

    @Test
    void progressCountsWhatIsDealtWith() {
        assertThat(new Progress(3, 1, 0).percent()).isEqualTo(75);
        assertThat(new Progress(0, 0, 0).percent()).isEqualTo(100);
        assertThat(new Progress(9, 0, 1).done()).isTrue();
    }
}
