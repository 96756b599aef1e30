package org.beatbook.engagement.application;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.beatbook.engagement.domain.LinkSigner;
import org.beatbook.engagement.domain.SignUpRules;
import org.beatbook.engagement.persistence.EngagementStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngagementProperties.class)
class EngagementConfiguration {

    static final String CONFIRMATION_MAIL_TASK = "engagement-confirmation-mail";

    @Bean
    SignUpRules signUpRules(@Value("${beatbook.languages:en,es}") List<String> languages,
                            EngagementProperties properties) {
        return new SignUpRules(languages, properties.priorities());
    }

    /** The configured secret, or one generated on first start and kept in the database (never in the repository). */
    @Bean
    LinkSigner linkSigner(EngagementProperties properties, EngagementStore store) {
        if (properties.linkSecret() != null && !properties.linkSecret().isBlank()) {
            return new LinkSigner(properties.linkSecret().getBytes(StandardCharsets.UTF_8));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        store.insertSecretIfAbsent("link-secret", Base64.getEncoder().encodeToString(fresh));
        return new LinkSigner(Base64.getDecoder().decode(store.secret("link-secret").orElseThrow()));
    }

    @Bean
    SignUpLimits signUpLimits(EngagementProperties properties) {
        return new SignUpLimits(properties, Clock.systemUTC());
    }

    /** SMTP outages are retried with growing pauses (1 min, 2, 4, ... for about a day), so no sign-up is lost. */
    @Bean
    OneTimeTask<Long> confirmationMailTask(ConfirmationMailer mailer) {
        return Tasks.oneTime(CONFIRMATION_MAIL_TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(12,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1), 2)))
                .execute((instance, context) -> mailer.send(instance.getData()));
    }

    /**
     * Does nothing while {@code beatbook.engagement.inbound.host} is unset (no mailbox to read). Looked up lazily:
     * unsubscribing goes through {@link Engagement}, which needs the scheduler, which needs this task.
     */
    @Bean
    RecurringTask<Void> mailtoUnsubscribeTask(ObjectProvider<MailtoUnsubscribes> mailbox, EngagementProperties properties) {
        return Tasks.recurring("engagement-mailto-unsubscribe", FixedDelay.of(properties.inbound().pollInterval()))
                .execute((instance, context) -> mailbox.getObject().poll(properties.inbound()));
    }

    @Bean
    RecurringTask<Void> purgeExpiredSignUpsTask(EngagementStore store) {
        return Tasks.recurring("engagement-purge-expired", FixedDelay.ofHours(1))
                .execute((instance, context) -> store.purgeExpiredPending());
    }
}
