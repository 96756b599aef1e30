package org.beatbook.engagement.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.beatbook.engagement.domain.FieldProblem;
import org.beatbook.engagement.domain.LinkSigner;
import org.beatbook.engagement.domain.SignUp;
import org.beatbook.engagement.domain.SignUpRules;
import org.beatbook.engagement.domain.Tokens;
import org.beatbook.engagement.persistence.EngagementStore;
import org.beatbook.engagement.persistence.EngagementStore.Confirmed;
import org.beatbook.engagement.persistence.EngagementStore.Subscription;
import org.beatbook.engagement.persistence.EngagementStore.TokenState;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.beatbook.lookup.AddressNotFoundException;
import org.beatbook.lookup.Neighborhood;
import org.beatbook.lookup.NeighborhoodFinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up with double opt-in, confirmation, and what residents do through their signed links. */
@Service
public class Engagement {

    public enum Source { WEB, API, PAPER }

    public enum ConfirmResult { CONFIRMED, EXPIRED, UNKNOWN }

    private final SignUpRules rules;
    private final NeighborhoodFinder finder;
    private final UnitCatalogue catalogue;
    private final EngagementStore store;
    private final EngagementProperties properties;
    private final SignUpLimits limits;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> confirmationMail;
    private final LinkSigner signer;
    private final TransactionTemplate transaction;

    Engagement(SignUpRules rules, NeighborhoodFinder finder, UnitCatalogue catalogue, EngagementStore store,
               EngagementProperties properties, SignUpLimits limits, SchedulerClient scheduler,
               OneTimeTask<Long> confirmationMail, LinkSigner signer, TransactionTemplate transaction) {
        this.rules = rules;
        this.finder = finder;
        this.catalogue = catalogue;
        this.store = store;
        this.properties = properties;
        this.limits = limits;
        this.scheduler = scheduler;
        this.confirmationMail = confirmationMail;
        this.signer = signer;
        this.transaction = transaction;
    }

    public List<String> languages() {
        return rules.languages();
    }

    public List<String> priorities() {
        return rules.priorities();
    }

    public String listLevel() {
        return properties.listLevel();
    }

    /** Validates every field, then places the address: the list's unit comes from where the resident lives. */
    public Checked check(SignUp raw) {
        List<FieldProblem> problems = new ArrayList<>(rules.check(raw));
        if (problems.stream().anyMatch(p -> p.field().equals("address"))) {
            return new Checked(raw, null, null, problems, List.of());
        }
        SignUp signUp = rules.normalize(raw);
        try {
            Neighborhood place = finder.findByAddress(signUp.address());
            Optional<UnitRef> unit = place.unitAt(properties.listLevel());
            if (unit.isEmpty()) {
                problems.add(FieldProblem.of("address", "outside"));
                return new Checked(raw, null, place.matchedAddress(), problems, List.of());
            }
            return new Checked(problems.isEmpty() ? signUp : raw, unit.get(), place.matchedAddress(), problems,
                    List.of());
        }
        catch (AddressNotFoundException notFound) {
            problems.add(FieldProblem.of("address", "notFound"));
            return new Checked(raw, null, null, problems, notFound.suggestions());
        }
    }

    /**
     * Checks the sign-up and, when it is right, keeps it pending and queues the confirmation mail, at most one per
     * address per configured interval (later sign-ups update the pending one). The answer is the same whether or
     * not the address is already on a list.
     *
     * @param clientIp the sender's IP address for the per-IP limit; null for staff entering paper forms
     * @throws RateLimited when the IP or the address has sent too many sign-ups
     */
    public Checked submit(SignUp raw, Source source, String enteredBy, String clientIp) {
        Checked checked = check(raw);
        if (!checked.ok()) {
            return checked;
        }
        SignUp signUp = checked.signUp();
        limits.acquire(clientIp, signUp.email());
        transaction.executeWithoutResult(status -> {
            long id = store.savePending(signUp, checked.unit().key(), source.name().toLowerCase(), enteredBy);
            if (store.claimMailSlot(id, properties.confirmationMailInterval())) {
                scheduler.scheduleIfNotExists(confirmationMail.instance(String.valueOf(id), id), Instant.now());
            }
        });
        return checked;
    }

    /** Single use: the pending sign-up becomes (or updates) the subscriber and the token is gone. */
    public ConfirmResult confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return ConfirmResult.UNKNOWN;
        }
        String hash = Tokens.hash(token.strip());
        Optional<Confirmed> confirmed = transaction.execute(status -> store.confirm(hash));
        if (confirmed.isPresent()) {
            return ConfirmResult.CONFIRMED;
        }
        return store.tokenState(hash) == TokenState.EXPIRED ? ConfirmResult.EXPIRED : ConfirmResult.UNKNOWN;
    }

    /** The subscriber id of a signed link; empty when the id or the signature has been altered. */
    public Optional<Long> verifiedId(String subscriberId, String signature) {
        long id;
        try {
            id = Long.parseLong(subscriberId == null ? "" : subscriberId.strip());
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        return signer.verify(id, signature) ? Optional.of(id) : Optional.empty();
    }

    /** Empty when the subscriber has deleted their data (or been deleted on request). */
    public Optional<Subscription> subscription(long id) {
        return store.subscription(id);
    }

    public String signature(long subscriberId) {
        return signer.sign(subscriberId);
    }

    /** How a resident left the list, for the audit trail. */
    public enum Channel {
        PAGE("unsubscribe page"), ONE_CLICK("one-click link"), MAILTO("mailto: request");

        private final String description;

        Channel(String description) {
            this.description = description;
        }
    }

    /**
     * Idempotent: a second click, or a click after deletion, changes nothing. The first is recorded in the audit
     * trail with the channel.
     */
    public void unsubscribe(long subscriberId, Channel channel) {
        transaction.executeWithoutResult(status -> store.unsubscribe(subscriberId).ifPresent(unit ->
                store.audit("resident", "unsubscribe", unit, "subscriber " + subscriberId + " by " + channel.description)));
    }

    /** Saves language and priorities (and keeps them on the list); problems name the bad field. */
    public List<FieldProblem> updatePreferences(Subscription subscription, String language, List<String> chosen) {
        SignUp probe = new SignUp("x", "x@example.org", null, "x", language, chosen, null, true);
        List<FieldProblem> problems = rules.check(probe);
        if (problems.isEmpty()) {
            SignUp tidy = rules.normalize(probe);
            store.updatePreferences(subscription.id(), tidy.language(), tidy.priorities());
        }
        return problems;
    }

    /** The resident's own deletion: everything about them goes, concerns included. */
    public void deleteSelf(Subscription subscription) {
        transaction.executeWithoutResult(status -> store.delete(subscription.id())
                .ifPresent(unit -> store.audit("resident", "self-delete", unit, "subscriber " + subscription.id())));
    }

    public String unitLabel(UnitKey key) {
        return catalogue.unit(key).map(UnitRef::label).orElse(key.code());
    }
}
