package org.beatbook.newsletters.application;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import org.beatbook.engagement.ListLinks;
import org.beatbook.engagement.SubscriberDirectory;
import org.beatbook.newsletters.domain.DeliveryPolicy;
import org.beatbook.newsletters.domain.Edition;
import org.beatbook.newsletters.domain.EncodedPart;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.MailTemplate;
import org.beatbook.newsletters.domain.RateLimiter;
import org.beatbook.newsletters.persistence.NewsletterStore;
import org.beatbook.newsletters.persistence.OutboxStore;
import org.beatbook.platform.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends an issue's outbox. Each message is one short transaction: claim the row (FOR UPDATE SKIP LOCKED), hand the
 * message to SMTP, mark the row — so a row is marked sent only if SMTP accepted it, and a row whose sender died is
 * unlocked by the database and sent on the next run. See docs/newsletters.md for the exactly-once argument.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxStore outbox;
    private final NewsletterStore store;
    private final ObjectProvider<SubscriberDirectory> directory;
    private final JavaMailSenderImpl mail;
    private final TransactionTemplate transactions;
    private final Department department;
    private final RateLimiter limiter;
    private final DeliveryPolicy policy;
    private final String fromHeader;
    private final String messageIdDomain;
    private final int claimBatch;

    OutboxSender(OutboxStore outbox, NewsletterStore store, ObjectProvider<SubscriberDirectory> directory,
                 JavaMailSenderImpl mail, TransactionTemplate transactions, Department department,
                 NewsletterProperties properties) throws Exception {
        this.outbox = outbox;
        this.store = store;
        this.directory = directory;
        this.mail = mail;
        this.transactions = transactions;
        this.department = department;
        NewsletterProperties.Delivery delivery = properties.delivery();
        this.limiter = new RateLimiter(delivery.ratePerSecond());
        this.claimBatch = Math.max(1, delivery.claimBatch());
        this.policy = new DeliveryPolicy(delivery.maxAttempts(), delivery.firstRetry(), delivery.maxRetry());
        this.fromHeader = new InternetAddress(department.mailFrom(), true).toString();
        String host = URI.create(department.publicUrl()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "beatbook.invalid" : host;
    }

    /**
     * Sends the issue's due rows until none is due or {@code stop} says so.
     *
     * @return when this issue next needs a sender: now when stopped early, the earliest retry when only retries
     *         wait, empty when every row is done
     */
    Optional<Instant> drain(long issueId, BooleanSupplier stop) {
        Issue issue = store.find(issueId).orElse(null);
        if (issue == null) {
            return Optional.empty();
        }
        Map<String, Prepared> editions = store.editions(issueId).stream()
                .collect(Collectors.toMap(Edition::language, Prepared::new));
        SubscriberDirectory subscribers = directory.getObject();
        try (SmtpConnection smtp = new SmtpConnection(mail)) {
            OutboxStore.Position position = OutboxStore.Position.START;
            while (position != null) {
                if (stop.getAsBoolean()) {
                    return Optional.of(Instant.now());
                }
                OutboxStore.Position after = position;
                position = transactions.execute(tx -> sendNext(issue, after, editions, subscribers, smtp));
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            return Optional.of(Instant.now());
        }
        // rows passed over while another sender held them, and rolled back since, are due now: the caller runs again
        return outbox.nextAttempt(issueId);
    }

    /**
     * Claims up to claim-batch rows (1 by default) after {@code position}, sends them and marks the accepted ones
     * sent in one statement, all in this one transaction.
     *
     * @return where the next claim starts; null when nothing was due or the sender was interrupted
     */
    private OutboxStore.Position sendNext(Issue issue, OutboxStore.Position position, Map<String, Prepared> editions,
                                          SubscriberDirectory subscribers, SmtpConnection smtp) {
        List<OutboxStore.Claimed> rows = outbox.claimNext(issue.id(), position, claimBatch);
        List<Long> sent = new ArrayList<>(rows.size());
        try {
            for (OutboxStore.Claimed row : rows) {
                limiter.acquire();
                if (send(issue, row, editions, subscribers, smtp)) {
                    sent.add(row.id());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // rows not yet sent stay pending: committing leaves them untouched
        }
        outbox.markSent(sent);
        return rows.isEmpty() || Thread.currentThread().isInterrupted() ? null : rows.get(rows.size() - 1).position();
    }

    /** @return whether SMTP accepted the message; a refusal is recorded on the row (retry, failure or bounce) */
    private boolean send(Issue issue, OutboxStore.Claimed row, Map<String, Prepared> editions,
                         SubscriberDirectory subscribers, SmtpConnection smtp) {
        Prepared edition = editions.getOrDefault(row.language(), editions.get(issue.defaultLanguage()));
        try {
            InternetAddress recipient = new InternetAddress(row.email(), false);
            smtp.send(message(issue, row, recipient, edition, subscribers.linksFor(row.subscriberId())), recipient);
            return true;
        }
        catch (MessagingException e) {
            int code = SmtpReplies.code(e);
            String error = SmtpReplies.describe(e);
            switch (policy.afterFailure(code, row.attempts() + 1)) {
                case RETRY -> outbox.markRetry(row.id(), Instant.now().plus(policy.backoff(row.attempts() + 1)), error);
                case FAIL -> outbox.markFailed(row.id(), error);
                case BOUNCE -> {
                    outbox.markFailed(row.id(), error);
                    subscribers.recordHardBounce(row.subscriberId());
                }
            }
            log.warn("Newsletter {} to outbox row {}: {}", issue.id(), row.id(), error);
            return false;
        }
    }

    /** An edition with its subject and email parts encoded once for every message of this run. */
    private record Prepared(Edition edition, String subject, MailTemplate.Encoded mail) {

        Prepared(Edition edition) {
            this(edition, encodedSubject(edition.title()), edition.mail().encode());
        }

        /** What {@code setSubject(title, "UTF-8")} writes (RFC 2047 words, folded), without its regular expressions per message. */
        private static String encodedSubject(String title) {
            try {
                return MimeUtility.fold(9, MimeUtility.encodeText(title, "UTF-8", null));
            }
            catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is part of every JRE", e);
            }
        }
    }

    private MimeMessage message(Issue issue, OutboxStore.Claimed row, InternetAddress recipient, Prepared prepared,
                                ListLinks links) throws MessagingException {
        Edition edition = prepared.edition();
        MimeMessage message = new StableIdMessage(mail.getSession(),
                "<newsletter-" + issue.id() + "-" + row.id() + "@" + messageIdDomain + ">");
        message.setHeader("From", fromHeader);
        message.setHeader("To", recipient.toString());
        message.setHeader("Subject", prepared.subject());
        message.setSentDate(new Date());
        message.setHeader("Content-Language", edition.language());
        message.setHeader("List-Unsubscribe", "<" + links.oneClickUnsubscribe() + ">, <" + links.mailtoUnsubscribe() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("List-Id", "<newsletter." + issue.units().get(0).level() + "-" + issue.units().get(0).code()
                + "." + messageIdDomain + ">");
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = encodedPart(prepared.mail().text().fill(links.unsubscribePage(), links.preferences()),
                "text/plain; charset=UTF-8");
        MimeBodyPart html = encodedPart(prepared.mail().html().fill(HtmlUtils.htmlEscape(links.unsubscribePage(), "UTF-8"),
                HtmlUtils.htmlEscape(links.preferences(), "UTF-8")), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart encodedPart(byte[] quotedPrintable, String type) throws MessagingException {
        MimeBodyPart part = new PreencodedMimeBodyPart("quoted-printable");
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(quotedPrintable, type)));
        // named after the data handler (which clears it), so Jakarta Mail does not scan the part to choose one
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /**
     * Jakarta Mail replaces the Message-ID on every save; ours must stay the same for every attempt of a row. The
     * message is written out into a plain byte buffer first and handed to SMTP in one piece: Jakarta Mail writes
     * byte by byte, and through the SMTP stream (synchronized per byte) that was 40 % of the senders' CPU time in a
     * JFR profile.
     */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            EncodedPart.Bytes bytes = new EncodedPart.Bytes(32 * 1024);
            super.writeTo(bytes, ignoreList);
            bytes.writeTo(out);
        }
    }

}
