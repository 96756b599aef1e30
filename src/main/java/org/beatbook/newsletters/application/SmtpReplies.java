package org.beatbook.newsletters.application;

import jakarta.mail.MessagingException;

/**
 * The SMTP reply code behind a send failure, or 0 when the server never answered. Jakarta Mail nests it in its
 * provider's exceptions ({@code getReturnCode()} of Angus' SMTP*FailedException, a runtime-only dependency).
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    static int code(Exception failure) {
        Exception e = failure;
        int found = 0;
        while (e != null) {
            try {
                Object code = e.getClass().getMethod("getReturnCode").invoke(e);
                if (code instanceof Integer c && c > 0) {
                    found = c; // the innermost answer is the one for the recipient
                }
            }
            catch (ReflectiveOperationException notAnSmtpReply) {
                // keep looking in the nested exceptions
            }
            e = e instanceof MessagingException m ? m.getNextException() : null;
        }
        return found;
    }
}
