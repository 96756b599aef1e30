package org.beatbook.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.beatbook.BeatbookApplication;
import org.beatbook.geography.BoundaryAdministration;
import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.application.NewIssue;
import org.beatbook.newsletters.application.Newsletters;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Sending is stopped mid-run by closing the whole application (as a deploy or a crash-restart would), then a new
 * application starts on the same database: it resumes where the first stopped and every recipient ends up with
 * exactly one message.
 */
class DeliveryRestartTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static final int RECIPIENTS = 60;

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BeatbookApplication.class, TestSubscribers.class)
                // arguments, not default properties: those lose against the test configuration's database folder
                .run("--server.port=0", "--beatbook.demo.enabled=false",
                        "--beatbook.embedded-postgres.data-dir=target/test-postgres-newsletters-restart",
                        // slow enough to stop it half way: 60 messages at 20 per second take 3 seconds
                        "--beatbook.newsletters.delivery.rate-per-second=20");
    }

    @Test
    void aRestartResumesDeliveryAndNobodyGetsTheIssueTwice() throws Exception {
        ConfigurableApplicationContext first = start();
        long id;
        String url = first.getEnvironment().getProperty("spring.datasource.url");
        try {
            districts(first);
            TestSubscribers.TableSubscriberDirectory subscribers = first.getBean(TestSubscribers.TableSubscriberDirectory.class);
            for (int i = 0; i < RECIPIENTS; i++) {
                subscribers.add("resident" + i + "@restart.example", i % 2 == 0 ? "en" : "es", new UnitKey("district", "10"));
            }
            Newsletters newsletters = first.getBean(Newsletters.class);
            id = newsletters.create(new NewIssue("district", "10", "quarter", "2026-10", "en", "", "Hello"), "test");
            newsletters.submitForReview(id);
            newsletters.publish(id);
            awaitReceived(10);
        }
        finally {
            first.close();
        }
        int receivedAtStop = mail.getReceivedMessagesForDomain("restart.example").length;
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long sentAtStop = db.sql("select count(*) from newsletter_outbox where issue_id = ? and status = 'sent'")
                .param(id).query(Long.class).single();
        assertThat(receivedAtStop).as("stopped mid-run").isBetween(10, RECIPIENTS - 1);
        assertThat(sentAtStop).as("every accepted message was marked sent before the stop").isEqualTo(receivedAtStop);
        assertThat(db.sql("select count(*) from newsletter_outbox where issue_id = ? and status = 'pending'")
                .param(id).query(Long.class).single()).isEqualTo(RECIPIENTS - sentAtStop);

        ConfigurableApplicationContext second = start();
        try {

            awaitReceived(RECIPIENTS);
            Thread.sleep(1000);
            List<MimeMessage> all = Arrays.asList(mail.getReceivedMessagesForDomain("restart.example"));
            Map<String, Long> perRecipient = all.stream().collect(Collectors.groupingBy(
                    m -> { try { return m.getAllRecipients()[0].toString(); } catch (Exception e) { throw new IllegalStateException(e); } },
                    Collectors.counting()));
            assertThat(perRecipient).hasSize(RECIPIENTS);
            assertThat(perRecipient.values()).allMatch(count -> count == 1);
            assertThat(db.sql("select count(*) from newsletter_outbox where issue_id = ? and status = 'sent'")
                    .param(id).query(Long.class).single()).isEqualTo(RECIPIENTS);
        }
        finally {
            second.close();
        }
    }

    static List<MimeMessage> awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mail.getReceivedMessagesForDomain("restart.example").length < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return Arrays.asList(mail.getReceivedMessagesForDomain("restart.example"));
    }

    /** Only the Chicago districts: the newsletter needs a real unit, not the whole demo. */
    static void districts(ConfigurableApplicationContext context) throws Exception {
        if (context.getBean(UnitCatalogue.class).levels().isEmpty()) {
            BoundaryAdministration boundaries = context.getBean(BoundaryAdministration.class);
            boundaries.defineLevels(List.of(new LevelDefinition("district", "District", "Districts")));
            try (InputStream in = new ClassPathResource("demo/chicago/police-districts.geojson").getInputStream()) {
                assertThat(boundaries.importBoundaries(new BoundaryImportRequest("district", "DIST_NUM", null, null, false), in)
                        .accepted()).isTrue();
            }
        }
    }
}
