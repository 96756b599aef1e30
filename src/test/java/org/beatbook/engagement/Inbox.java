package org.beatbook.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what GreenMail received for one address: the mails, their text and HTML parts, the confirmation link. */
final class Inbox {

    private static final Pattern CONFIRM = Pattern.compile("https?://\\S+/subscriptions/confirm\\?token=([A-Za-z0-9_-]+)");

    private Inbox() {
    }

    static List<MimeMessage> messagesTo(GreenMailExtension mail, String address) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                mine.add(m);
            }
        }
        return mine;
    }

    /** Waits for the scheduler to deliver {@code count} mails to the address (db-scheduler polls every 500 ms in tests). */
    static List<MimeMessage> await(GreenMailExtension mail, String address, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = messagesTo(mail, address);
            if (mine.size() >= count) {
                return mine;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + count + " mail(s) for " + address + " within 20 s");
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The path and query of the confirmation link in the plain-text part. */
    static String confirmationPath(MimeMessage message) throws Exception {
        Matcher m = CONFIRM.matcher(part(message, "text/plain"));
        if (!m.find()) {
            throw new AssertionError("No confirmation link in the mail");
        }
        return "/subscriptions/confirm?token=" + m.group(1);
    }
}
