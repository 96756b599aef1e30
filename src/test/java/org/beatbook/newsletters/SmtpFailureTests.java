package org.beatbook.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beatbook.engagement.Recipient;
import org.beatbook.engagement.SubscriberDirectory;
import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.application.NewIssue;
import org.beatbook.newsletters.application.Newsletters;
import org.beatbook.newsletters.domain.Progress;
import org.beatbook.support.ListSubscribers;
import org.beatbook.support.ScriptedSmtpServer;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Delivery against an SMTP server that refuses some recipients, with the real engagement lists (the shared
 * application context of the engagement tests, so no context of its own): permanent refusals end the row as failed
 * and count as hard bounces until the address is undeliverable; temporary ones are retried with backoff
 * ({@code first-retry} is 1 s in the test configuration).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SmtpFailureTests {

    @RegisterExtension
    static ScriptedSmtpServer smtp = ScriptedSmtpServer.on(TestMail.PORT);

    @Autowired
    Newsletters newsletters;

    @Autowired
    SubscriberDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    long subscriber(String email, String district) {
        return ListSubscribers.confirmed(jdbc, "Bounce Test", email, district);
    }

    long publish(String district) {
        long id = newsletters.create(new NewIssue("district", district, "quarter", "2026-07", "en", "", "Hello"), "test");
        newsletters.submitForReview(id);
        newsletters.publish(id);
        return id;
    }

    Progress awaitDone(long issue) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Progress progress = newsletters.progress(issue);
        while (!progress.done() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            progress = newsletters.progress(issue);
        }
        assertThat(progress.done()).as("delivery of issue " + issue + " finished").isTrue();
        return progress;
    }

    Map<String, Object> outbox(long issue, long subscriber) {
        return jdbc.sql("select status, attempts, last_error, sent_at from newsletter_outbox where issue_id = ? and subscriber_id = ?")
                .params(issue, subscriber).query().singleRow();
    }

    String staffPage(String path) throws Exception {
        return mvc.perform(get(path).with(user("editor").roles("STAFF"))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPermanentRefusalFailsTheRowWithTheReplyAndTheOthersGetTheIssueOnce() throws Exception {
        long ok = subscriber("fine@eight.example", "8");
        long atRcpt = subscriber("gone@eight.example", "8");
        long atData = subscriber("refused-data@eight.example", "8");
        smtp.rejectRecipient("gone@eight.example");
        smtp.rejectAfterData("refused-data@eight.example");

        long issue = publish("8");
        Progress progress = awaitDone(issue);

        assertThat(progress).isEqualTo(new Progress(1, 0, 2));
        assertThat(outbox(issue, ok)).containsEntry("status", "sent").containsEntry("attempts", 1);
        for (long refused : List.of(atRcpt, atData)) {
            assertThat(outbox(issue, refused)).containsEntry("status", "failed").containsEntry("attempts", 1);
            assertThat((String) outbox(issue, refused).get("last_error")).startsWith("550 ").contains("5.1.1 mailbox unavailable");
        }
        Thread.sleep(1000); // nothing more arrives later
        assertThat(smtp.messagesTo("fine@eight.example")).hasSize(1);
        assertThat(smtp.messagesTo("fine@eight.example").get(0).message().getSubject()).contains("District 8");
        assertThat(smtp.messagesTo("gone@eight.example")).isEmpty();
        assertThat(smtp.messagesTo("refused-data@eight.example")).isEmpty();
        assertThat(smtp.rcptAttempts("gone@eight.example")).as("a 5xx is never retried").isEqualTo(1);

        assertThat(staffPage("/staff/newsletters/" + issue + "/progress")).contains("Sent 1, pending 0, failed 2 of 3");
        assertThat(staffPage("/staff/newsletters/" + issue)).contains("gone@eight.example")
                .contains("refused-data@eight.example").contains("550 5.1.1 mailbox unavailable");
    }

    @Test
    void threeHardBouncesMakeTheAddressUndeliverableAndTheFourthIssueLeavesItOut() throws Exception {
        long bouncing = subscriber("bouncing@nine.example", "9");
        long fine = subscriber("steady@nine.example", "9");
        smtp.rejectRecipient("bouncing@nine.example");

        for (int i = 1; i <= 3; i++) {
            assertThat(recipients("9")).as("still on the list before bounce " + i).contains(bouncing);
            long issue = publish("9");
            awaitDone(issue);
            assertThat(outbox(issue, bouncing)).containsEntry("status", "failed");
        }

        assertThat(recipients("9")).doesNotContain(bouncing).contains(fine);
        assertThat(jdbc.sql("select hard_bounces, undeliverable from engagement_subscriber where id = ?").param(bouncing)
                .query().singleRow()).containsEntry("hard_bounces", 3).containsEntry("undeliverable", true);
        long fourth = publish("9");
        awaitDone(fourth);
        assertThat(jdbc.sql("select count(*) from newsletter_outbox where issue_id = ? and subscriber_id = ?")
                .params(fourth, bouncing).query(Long.class).single()).isZero();
        assertThat(smtp.rcptAttempts("bouncing@nine.example")).isEqualTo(3);
        assertThat(smtp.messagesTo("steady@nine.example")).hasSize(4);
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoffAndDeliveredOnce() throws Exception {
        long later = subscriber("busy@eleven.example", "11");
        subscriber("quick@eleven.example", "11");
        smtp.deferRecipient("busy@eleven.example", 2);

        long start = System.nanoTime();
        long issue = publish("11");
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (((Number) outbox(issue, later).get("attempts")).intValue() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<String, Object> deferred = outbox(issue, later);
        assertThat(deferred).containsEntry("status", "pending");
        assertThat((String) deferred.get("last_error")).startsWith("451 ").contains("4.3.0 try again later");
        assertThat(staffPage("/staff/newsletters/" + issue + "/progress")).contains("failed 0 of 2").contains("hx-trigger");

        awaitDone(issue);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outbox(issue, later)).containsEntry("status", "sent").containsEntry("attempts", 3)
                .containsEntry("last_error", null);
        assertThat(took).as("waited 1 s, then 2 s").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        Thread.sleep(1000);
        assertThat(smtp.rcptAttempts("busy@eleven.example")).isEqualTo(3);
        assertThat(smtp.messagesTo("busy@eleven.example")).hasSize(1);
        assertThat(smtp.messagesTo("quick@eleven.example")).hasSize(1);
        assertThat(staffPage("/staff/newsletters/" + issue + "/progress")).contains("Sent 2, pending 0, failed 0 of 2");
    }

    private List<Long> recipients(String district) {
        List<Long> ids = new ArrayList<>();
        directory.forEachRecipient(List.of(new UnitKey("district", district)), (Recipient r) -> ids.add(r.subscriberId()));
        return ids;
    }
}
