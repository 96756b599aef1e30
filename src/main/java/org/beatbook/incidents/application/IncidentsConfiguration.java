package org.beatbook.incidents.application;

import java.util.Set;

import org.beatbook.incidents.domain.PrivacyPolicy;
import org.beatbook.incidents.persistence.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The privacy policy from configuration, and the start-up housekeeping (before the demo loader runs): imports that
 * died within their request are marked, background imports get their job back.
 */
@Configuration(proxyBeanMethods = false)
class IncidentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IncidentsConfiguration.class);

    @Bean
    PrivacyPolicy privacyPolicy(@Value("${beatbook.incidents.privacy.window-days:90}") int windowDays,
                                @Value("${beatbook.incidents.privacy.secret}") String secret,
                                @Value("${beatbook.incidents.privacy.sensitive-offenses:}") Set<String> sensitive,
                                @Value("${beatbook.incidents.privacy.minimum-count:3}") int minimumCount) {
        return new PrivacyPolicy(windowDays, secret, sensitive, minimumCount);
    }

    @EventListener(ApplicationStartedEvent.class)
    void onStart(ApplicationStartedEvent started) {
        IncidentStore store = started.getApplicationContext().getBean(IncidentStore.class);
        int interrupted = store.markInterrupted();
        if (interrupted > 0) {
            log.warn("{} incident import(s) were interrupted by a stop and rolled back; import those files again",
                    interrupted);
        }
        store.seedClassification();
        started.getApplicationContext().getBean(ImportJobs.class).resume();
    }
}
