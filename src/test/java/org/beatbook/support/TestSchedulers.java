package org.beatbook.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The db-schedulers of every Spring context this test JVM has open (registered for all of them in
 * META-INF/spring.factories). Each cached context runs one on the shared test database, so a test that wants a job
 * run by another process (ImportCrashTests) must pause them all, not only its own context's.
 */
public final class TestSchedulers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Set<Scheduler> OPEN = ConcurrentHashMap.newKeySet();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
                context.getBeanProvider(Scheduler.class).ifAvailable(OPEN::add);
            }
            else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                context.getBeanProvider(Scheduler.class).ifAvailable(OPEN::remove);
            }
        });
    }

    public static void pauseAll() {
        OPEN.forEach(Scheduler::pause);
    }

    public static void resumeAll() {
        OPEN.forEach(Scheduler::resume);
    }
}
