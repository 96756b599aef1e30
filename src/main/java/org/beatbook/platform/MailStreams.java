package org.beatbook.platform;

import org.springframework.stereotype.Component;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} through {@link java.util.ServiceLoader} on every multipart,
 * body part and encoding step (jakartaee/mail-api#861): a scan of every jar per message, about 30 % of the newsletter
 * senders' CPU time in a JFR profile. When the implementation is named in the system property the API reads first,
 * the lookup is a {@code Class.forName} of an already loaded class.
 */
@Component
class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    MailStreams() {
        if (System.getProperty(PROPERTY) == null && isPresent(ANGUS)) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, MailStreams.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }
}
