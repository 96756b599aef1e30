package org.beatbook.newsletters.application;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open for a worker's run (host, port, TLS and credentials from {@code spring.mail.*}):
 * reconnecting per message would cost more than the message. A failure that is not an SMTP reply drops the
 * connection so the next message reconnects.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl mail;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl mail) {
        this.mail = mail;
    }

    void send(MimeMessage message, Address recipient) throws MessagingException {
        // no isConnected() check: Jakarta Mail answers it with a NOOP round trip per message
        if (transport == null) {
            transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
            transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        }
        try {
            transport.sendMessage(message, new Address[] {recipient});
        }
        catch (MessagingException e) {
            if (SmtpReplies.code(e) == 0) {
                close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            }
            catch (MessagingException ignored) {
                // the connection is being dropped anyway
            }
            transport = null;
        }
    }
}
