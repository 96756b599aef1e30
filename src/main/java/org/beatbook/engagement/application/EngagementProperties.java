package org.beatbook.engagement.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code beatbook.engagement}.
 *
 * @param listLevel the unit level whose lists residents join (a district in Chicago)
 * @param priorities the department's service priorities residents choose from; each needs the message
 *                   {@code engagement.priority.<key>} in every language
 * @param linkSecret signs unsubscribe and preference links; when blank one is generated and kept in the database
 * @param unsubscribeAddress the mailbox of the {@code mailto:} unsubscribe link
 * @param confirmationValidity how long a confirmation link works
 * @param confirmationMailInterval at most one confirmation mail per address within this interval
 * @param signUpsPerIp sign-ups accepted from one IP address per {@code ipWindow}
 * @param signUpsPerAddress sign-ups accepted for one email address per {@code addressWindow}
 * @param inbound the mailbox of {@code unsubscribeAddress}, read for {@code mailto:} unsubscribe requests
 */
@ConfigurationProperties("beatbook.engagement")
public record EngagementProperties(
        @DefaultValue("district") String listLevel,
        @DefaultValue({"reducing-crime", "traffic-safety", "quality-of-life", "community"}) List<String> priorities,
        String linkSecret,
        @DefaultValue("unsubscribe@beatbook.invalid") String unsubscribeAddress,
        @DefaultValue("48h") Duration confirmationValidity,
        @DefaultValue("15m") Duration confirmationMailInterval,
        @DefaultValue("20") int signUpsPerIp,
        @DefaultValue("1h") Duration ipWindow,
        @DefaultValue("5") int signUpsPerAddress,
        @DefaultValue("1h") Duration addressWindow,
        @DefaultValue Inbound inbound) {

    /**
     * Where {@code mailto:} unsubscribe requests arrive; not read while {@code host} is blank. Set the credentials
     * from the environment ({@code BEATBOOK_ENGAGEMENT_INBOUND_USERNAME}, {@code BEATBOOK_ENGAGEMENT_INBOUND_PASSWORD}).
     *
     * @param protocol imap, imaps, pop3 or pop3s
     * @param port 0 for the protocol's usual port
     * @param folder the folder to read (IMAP; POP3 has only INBOX)
     * @param pollInterval how often the mailbox is read
     */
    public record Inbound(@DefaultValue("imaps") String protocol, String host, @DefaultValue("0") int port,
                          String username, String password, @DefaultValue("INBOX") String folder,
                          @DefaultValue("1m") Duration pollInterval) {

        public Inbound {
            if (!List.of("imap", "imaps", "pop3", "pop3s").contains(protocol)) {
                throw new IllegalArgumentException(
                        "beatbook.engagement.inbound.protocol must be imap, imaps, pop3 or pop3s, not " + protocol);
            }
        }

        public boolean enabled() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() { // keeps the password out of logs
            return protocol + "://" + username + "@" + host + ":" + port + "/" + folder;
        }
    }
}
