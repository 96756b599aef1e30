package org.beatbook.engagement;

import java.util.Collection;
import java.util.function.Consumer;

import org.beatbook.geography.UnitKey;

/** Who receives list mail for a unit, for the newsletters module. Never exposes unconfirmed addresses. */
public interface SubscriberDirectory {

    /**
     * Calls {@code action} for every confirmed, consenting, deliverable subscriber of any of the units, each once,
     * in id order, reading page by page so that a list of 100,000 never sits in memory. Joins the caller's
     * transaction when there is one.
     */
    void forEachRecipient(Collection<UnitKey> units, Consumer<Recipient> action);

    long countRecipients(Collection<UnitKey> units);

    /** The signed unsubscribe and preference links for one subscriber's emails. */
    ListLinks linksFor(long subscriberId);

    /** A permanent delivery failure (SMTP 5xx); after three the address is marked undeliverable and gets no more mail. */
    void recordHardBounce(long subscriberId);
}
