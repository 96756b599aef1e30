package org.beatbook.incidents.application;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler tasks of this module (the starter registers every Task bean). */
@Configuration(proxyBeanMethods = false)
class IncidentTasks {

    /** One background import; revived after a crash, when its rolled-back import runs again. */
    @Bean
    Task<Long> incidentImport(ObjectProvider<ImportJobs> jobs) {
        return Tasks.oneTime(ImportJobs.TASK, Long.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> jobs.getObject().run(instance.getData()));
    }

    /** Placing incidents again after boundaries changed; a failed run is tried again a minute later. */
    @Bean
    Task<Void> incidentReplacement(ObjectProvider<Replacements> replacements) {
        return Tasks.oneTime(Replacements.TASK)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> replacements.getObject().run());
    }

    /** Starts the re-placement when a request waits without a job (one made just as the job ended). */
    @Bean
    Task<Void> incidentReplacementSweep(ObjectProvider<Replacements> replacements) {
        return Tasks.recurring(Replacements.SWEEP, FixedDelay.ofMinutes(1))
                .execute((instance, context) -> replacements.getObject().sweep());
    }
}
