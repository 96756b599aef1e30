package org.beatbook.geography.application;

import org.beatbook.geography.BoundariesChanged;
import org.beatbook.geography.UnitLocator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rebuilds the point locator's index at start and after each committed change of units. Apart from the locator:
 * Spring Modulith proxies every bean with a transactional event listener, and an import calls the locator a million
 * times.
 */
@Component
class LocatorRefresh {

    private final UnitLocator locator;

    LocatorRefresh(UnitLocator locator) {
        this.locator = locator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        locator.refresh();
    }

    /** First among the listeners, so that other modules' listeners (incidents re-placement) see the new index. */
    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(BoundariesChanged changed) {
        locator.refresh();
    }

    @TransactionalEventListener
    void on(LevelsChanged changed) {
        locator.refresh();
    }
}
