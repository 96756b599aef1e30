package org.beatbook.newsletters.application;

import jakarta.mail.MessagingException;

/**
 * The SMTP reply behind a send failure: its code (0 when the server never answered) and its text. Jakarta Mail nests
 * it in its provider's exceptions ({@code getReturnCode()} of Angus' SMTP*FailedException, a runtime-only dependency).
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    static int code(Exception failure) {
        Reply reply = innermost(failure);
        return reply == null ? 0 : reply.code();
    }

    /**
     * What staff see as the reason: the server's own reply line for the recipient (e.g. "550 5.1.1 mailbox
     * unavailable"), not Jakarta Mail's summary ("Invalid Addresses"); the exception's message when there was none.
     */
    static String describe(Exception failure) {
        Reply reply = innermost(failure);
        if (reply == null) {
            return failure.getMessage();
        }
        String text = reply.text() == null ? "" : reply.text().strip();
        return text.startsWith(String.valueOf(reply.code())) ? text : (reply.code() + " " + text).strip();
    }

    private record Reply(int code, String text) {
    }

    private static Reply innermost(Exception failure) {
        Exception e = failure;
        Reply found = null;
        while (e != null) {
            try {
                Object code = e.getClass().getMethod("getReturnCode").invoke(e);
                if (code instanceof Integer c && c > 0) {
                    found = new Reply(c, e.getMessage()); // the innermost answer is the one for the recipient
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
