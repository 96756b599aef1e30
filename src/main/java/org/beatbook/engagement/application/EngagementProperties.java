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
        @DefaultValue("1h") Duration addressWindow) {
}
