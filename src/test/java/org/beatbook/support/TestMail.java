package org.beatbook.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the real SMTP server of the tests, on the port the test configuration gives Spring
 * ({@code spring.mail.port=${GREENMAIL_PORT:3025}}), so every test context sends to it without a context of its own.
 * Use as {@code @RegisterExtension static GreenMailExtension mail = TestMail.server();}
 */
public final class TestMail {

    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("GREENMAIL_PORT", "3025"));

    /** IMAP beside SMTP (3143 by default), for tests of the unsubscribe mailbox. */
    public static final int IMAP_PORT = PORT + 118;

    private TestMail() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** SMTP as above and IMAP with one mailbox, {@code user} (its login) with {@code password}. */
    public static GreenMailExtension serverWithImap(String user, String password) {
        return new GreenMailExtension(new ServerSetup[] {new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(user, user, password))
                .withPerMethodLifecycle(false);
    }
}
