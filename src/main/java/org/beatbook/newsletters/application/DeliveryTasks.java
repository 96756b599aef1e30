package org.beatbook.newsletters.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler tasks of this module (the starter registers every Task bean). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsletterProperties.class)
class DeliveryTasks {

    /**
     * A sender of one issue. It stops between messages when the scheduler shuts down and reschedules itself for
     * now, so the next start carries on; when only retries wait it sleeps in the schedule until the first is due.
     */
    @Bean
    Task<Long> newsletterDelivery(OutboxSender sender) {
        return Tasks.custom(Deliveries.DELIVER, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = sender.drain(instance.getData(),
                            () -> context.getSchedulerState().isShuttingDown());
                    return next.<CompletionHandler<Long>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElse((complete, operations) -> operations.remove());
                });
    }

    @Bean
    Task<Long> newsletterPublishing(ObjectProvider<Newsletters> newsletters) {
        return Tasks.oneTime(Deliveries.PUBLISH, Long.class)
                .onFailureRetryLater()
                .execute((instance, context) -> newsletters.getObject().publishScheduled(instance.getData()));
    }

    @Bean
    Task<Void> newsletterDeliverySweep(ObjectProvider<Deliveries> deliveries, NewsletterProperties properties) {
        return Tasks.recurring(Deliveries.SWEEP, FixedDelay.of(properties.delivery().sweep()))
                .execute((instance, context) -> deliveries.getObject().sweep());
    }
}
