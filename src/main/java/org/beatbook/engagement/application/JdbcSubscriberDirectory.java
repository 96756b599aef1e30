package org.beatbook.engagement.application;

import java.util.Collection;
import java.util.function.Consumer;

import org.beatbook.engagement.ListLinks;
import org.beatbook.engagement.Recipient;
import org.beatbook.engagement.SubscriberDirectory;
import org.beatbook.engagement.domain.LinkSigner;
import org.beatbook.engagement.persistence.EngagementStore;
import org.beatbook.geography.UnitKey;
import org.beatbook.platform.Department;
import org.springframework.stereotype.Service;

/** The engagement lists as the newsletters module reads them. */
@Service
class JdbcSubscriberDirectory implements SubscriberDirectory {

    private final EngagementStore store;
    private final LinkSigner signer;
    private final Department department;
    private final EngagementProperties properties;

    JdbcSubscriberDirectory(EngagementStore store, LinkSigner signer, Department department,
                            EngagementProperties properties) {
        this.store = store;
        this.signer = signer;
        this.department = department;
        this.properties = properties;
    }

    @Override
    public void forEachRecipient(Collection<UnitKey> units, Consumer<Recipient> action) {
        store.forEachRecipient(units, action);
    }

    @Override
    public long countRecipients(Collection<UnitKey> units) {
        return store.countRecipients(units);
    }

    @Override
    public ListLinks linksFor(long subscriberId) {
        String signature = signer.sign(subscriberId); // once: called for every message of a newsletter
        String query = "?s=" + subscriberId + "&sig=" + signature;
        return new ListLinks(department.link("/subscriptions/unsubscribe" + query),
                department.link("/subscriptions/one-click" + query),
                "mailto:" + properties.unsubscribeAddress() + "?subject=unsubscribe%20" + subscriberId + "%20" + signature,
                department.link("/subscriptions/preferences" + query));
    }

    @Override
    public void recordHardBounce(long subscriberId) {
        store.recordHardBounce(subscriberId);
    }
}
