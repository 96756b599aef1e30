package org.beatbook.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.beatbook.engagement.application.Engagement;
import org.beatbook.engagement.application.EngagementProperties.Inbound;
import org.beatbook.engagement.application.MailtoUnsubscribes;
import org.beatbook.engagement.application.MailtoUnsubscribes.Outcome;
import org.beatbook.newsletters.application.NewIssue;
import org.beatbook.newsletters.application.Newsletters;
import org.beatbook.support.ListSubscribers;
import org.beatbook.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code mailto:} unsubscribe end to end: a newsletter reaches the subscriber (GreenMail SMTP), the request
 * is written with the subject of its {@code List-Unsubscribe} header and lands in the unsubscribe mailbox (GreenMail
 * IMAP), and a poll unsubscribes them and deletes the request. Forged requests unsubscribe nobody.
 */
@SpringBootTest
class MailtoUnsubscribeTests {

    static final String MAILBOX = "unsubscribe@beatbook.invalid";
    static final String PASSWORD = "test-only-mailbox-password";
    static final Inbound IMAP = new Inbound("imap", "127.0.0.1", TestMail.IMAP_PORT, MAILBOX, PASSWORD, "INBOX",
            Duration.ofMinutes(1));
    static final Pattern MAILTO = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>");

    @RegisterExtension
    static GreenMailExtension mail = TestMail.serverWithImap(MAILBOX, PASSWORD);

    @Autowired
    MailtoUnsubscribes mailbox;

    @Autowired
    Newsletters newsletters;

    @Autowired
    Engagement engagement;

    @Autowired
    JdbcClient jdbc;

    long subscriber(String email, String district) {
        return ListSubscribers.confirmed(jdbc, "Mailto Test", email, district);
    }

    /** Publishes an issue to the district and returns the {@code mailto:} subject of the list email {@code email} got. */
    String mailtoSubject(String district, String email) throws Exception {
        long id = newsletters.create(new NewIssue("district", district, "quarter", "2026-07", "en", "", "Hello"), "test");
        newsletters.submitForReview(id);
        newsletters.publish(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mail.getReceivedMessagesForDomain(email).length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        MimeMessage issue = mail.getReceivedMessagesForDomain(email)[0];
        Matcher mailto = MAILTO.matcher(issue.getHeader("List-Unsubscribe", null));
        assertThat(mailto.find()).as("List-Unsubscribe has a mailto: link").isTrue();
        assertThat(mailto.group(1)).isEqualTo(MAILBOX);
        return URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8);
    }

    void request(String from, String subject, String body) {
        GreenMailUtil.sendTextEmail(MAILBOX, from, subject, body, mail.getSmtp().getServerSetup());
    }

    List<StoredMessage> inbox() throws FolderException {
        return mail.getManagers().getImapHostManager().getInbox(mail.getUserManager().getUserByEmail(MAILBOX))
                .getMessages();
    }

    long audited(long subscriber) {
        return jdbc.sql("select count(*) from engagement_audit where action = 'unsubscribe' and detail = ?")
                .param("subscriber " + subscriber + " by mailto: request").query(Long.class).single();
    }

    static String subject(StoredMessage message) {
        try {
            return message.getMimeMessage().getSubject();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignedRequestUnsubscribesOnceAndIsDeletedWhateverTheClientDidToTheSubject() throws Exception {
        long bySubject = subscriber("mailto.subject@twelve.example", "12");
        long byBody = subscriber("mailto.body@twelve.example", "12");
        String subject = mailtoSubject("12", "mailto.subject@twelve.example");
        String bodyCommand = mailtoSubject("12", "mailto.body@twelve.example");
        assertThat(subject).matches("unsubscribe " + bySubject + " [A-Za-z0-9_-]{43}");

        request("mailto.subject@twelve.example", "Re: " + subject.replace("unsubscribe", "UNSUBSCRIBE"), "");
        // another sender (a forwarding address, say) is fine: the signature is the authority
        request("someone.else@example.org", "Remove me", "\r\n  " + bodyCommand + "\r\n\r\nSent from my phone");

        assertThat(mailbox.poll(IMAP)).isEqualTo(new Outcome(2, 0));

        assertThat(engagement.subscription(bySubject).orElseThrow().active()).isFalse();
        assertThat(engagement.subscription(byBody).orElseThrow().active()).isFalse();
        assertThat(audited(bySubject)).isEqualTo(1);
        assertThat(audited(byBody)).isEqualTo(1);
        assertThat(inbox()).extracting(MailtoUnsubscribeTests::subject).doesNotContain("Remove me")
                .noneMatch(s -> s.contains(String.valueOf(bySubject)));

        assertThat(mailbox.poll(IMAP)).as("processed once").isEqualTo(new Outcome(0, 0));
        assertThat(audited(bySubject)).isEqualTo(1);
    }

    @Test
    void aForgedOrUnreadableRequestUnsubscribesNobodyAndIsLeftAsRead() throws Exception {
        long victim = subscriber("mailto.forged@fourteen.example", "14");
        long other = subscriber("mailto.bystander@fourteen.example", "14");
        String subject = mailtoSubject("14", "mailto.forged@fourteen.example");
        String signature = subject.substring(subject.lastIndexOf(' ') + 1);
        String tampered = signature.substring(0, 42) + (signature.endsWith("A") ? "B" : "A");

        request("attacker@example.org", "unsubscribe " + victim + " " + tampered, "");
        request("attacker@example.org", "unsubscribe " + other + " " + signature, "");
        request("confused@example.org", "Please take me off your list", "Thanks");

        assertThat(mailbox.poll(IMAP)).isEqualTo(new Outcome(0, 3));

        assertThat(engagement.subscription(victim).orElseThrow().active()).isTrue();
        assertThat(engagement.subscription(other).orElseThrow().active()).isTrue();
        List<StoredMessage> left = inbox().stream()
                .filter(m -> subject(m).contains(tampered) || subject(m).contains(other + " ") || subject(m).startsWith("Please"))
                .toList();
        assertThat(left).hasSize(3).allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
        assertThat(mailbox.poll(IMAP)).as("left alone from now on").isEqualTo(new Outcome(0, 0));
    }

    @Test
    void aMailboxThatCannotBeReadIsTriedAgainAtTheNextPoll() {
        Inbound wrongPassword = new Inbound("imap", "127.0.0.1", TestMail.IMAP_PORT, MAILBOX, "wrong", "INBOX",
                Duration.ofMinutes(1));
        Inbound nobodyListening = new Inbound("imap", "127.0.0.1", 1, MAILBOX, PASSWORD, "INBOX", Duration.ofMinutes(1));

        assertThat(mailbox.poll(wrongPassword)).isEqualTo(new Outcome(0, 0));
        assertThat(mailbox.poll(nobodyListening)).isEqualTo(new Outcome(0, 0));
    }
}
