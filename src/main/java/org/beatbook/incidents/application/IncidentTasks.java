package org.beatbook.incidents.application;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
}
