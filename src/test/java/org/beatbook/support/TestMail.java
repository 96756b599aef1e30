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

    private TestMail() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }
}
