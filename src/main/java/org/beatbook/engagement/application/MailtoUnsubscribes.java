package org.beatbook.engagement.application;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import org.beatbook.engagement.domain.LinkSigner;
import org.beatbook.engagement.domain.UnsubscribeRequest;
import org.beatbook.engagement.persistence.EngagementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads the mailbox of the {@code mailto:} unsubscribe address (RFC 8058's second channel) and unsubscribes the
 * sender of every correctly signed request, as the one-click link does. A processed request is deleted; anything
 * else is left in the mailbox marked as read, logged once and never unsubscribes anybody.
 */
@Service
public class MailtoUnsubscribes {

    private static final Logger log = LoggerFactory.getLogger(MailtoUnsubscribes.class);
    private static final String TIMEOUT_MILLIS = "20000";

    /** What one poll did: requests carried out, and messages left in the mailbox as not a valid request. */
    public record Outcome(int unsubscribed, int refused) {
    }

    private final Engagement engagement;
    private final EngagementStore store;
    private final LinkSigner signer;

    MailtoUnsubscribes(Engagement engagement, EngagementStore store, LinkSigner signer) {
        this.engagement = engagement;
        this.store = store;
        this.signer = signer;
    }

    /**
     * Processes the messages not yet read. A mailbox that cannot be reached is logged and tried again at the next
     * poll; nothing else depends on it.
     */
    public Outcome poll(EngagementProperties.Inbound mailbox) {
        if (!mailbox.enabled()) {
            return new Outcome(0, 0);
        }
        try (Store inbox = session(mailbox.protocol()).getStore(mailbox.protocol())) {
            inbox.connect(mailbox.host(), mailbox.port() == 0 ? -1 : mailbox.port(), mailbox.username(),
                    mailbox.password());
            Folder folder = inbox.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            int unsubscribed = 0;
            int refused = 0;
            try {
                for (Message message : unread(folder)) {
                    switch (process(message)) {
                        case UNSUBSCRIBED -> unsubscribed++;
                        case REFUSED -> refused++;
                        case LATER -> { } // left unread for the next poll
                    }
                }
            }
            finally {
                folder.close(true); // expunges the processed requests
            }
            return new Outcome(unsubscribed, refused);
        }
        catch (MessagingException e) {
            log.warn("Unsubscribe mailbox {} not read, trying again at the next poll: {}", mailbox, e.toString());
            return new Outcome(0, 0);
        }
    }

    private static Session session(String protocol) {
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        // reading a message must not mark it read: only a decision does (or a failed attempt could never be retried)
        properties.setProperty("mail." + protocol + ".peek", "true");
        return Session.getInstance(properties);
    }

    /** IMAP keeps \Seen, so refused messages are skipped from then on; POP3 has no such flag and lists everything. */
    private static Message[] unread(Folder folder) throws MessagingException {
        return folder.getPermanentFlags().contains(Flags.Flag.SEEN)
                ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : folder.getMessages();
    }

    private enum Result { UNSUBSCRIBED, REFUSED, LATER }

    /** Unsubscribed: the message is deleted; refused: marked read; later: a failure left it for the next poll. */
    private Result process(Message message) {
        try {
            String from = sender(message);
            Optional<UnsubscribeRequest> request = UnsubscribeRequest.find(message.getSubject(), plainText(message));
            if (request.isEmpty() || !signer.verify(request.get().subscriberId(), request.get().signature())) {
                message.setFlag(Flags.Flag.SEEN, true);
                log.warn("Unsubscribe mailbox: message from {} (subject \"{}\") is no correctly signed request;"
                        + " left as read, nobody unsubscribed", from, message.getSubject());
                return Result.REFUSED;
            }
            long id = request.get().subscriberId();
            Optional<String> email = store.email(id);
            if (email.isPresent() && !email.get().equalsIgnoreCase(from)) {
                // RFC 8058 does not ask for the subscriber's own address (forwarding, aliases); the signature decides
                log.info("Unsubscribe mailbox: request for subscriber {} came from another address, {}", id, from);
            }
            engagement.unsubscribe(id, Engagement.Channel.MAILTO);
            message.setFlag(Flags.Flag.DELETED, true);
            return Result.UNSUBSCRIBED;
        }
        catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Unsubscribe mailbox: a message could not be processed, trying again at the next poll: {}",
                    e.toString());
            return Result.LATER;
        }
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : "(unknown)";
    }

    /** The first text/plain part (a request typed into the body); null when there is none. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
