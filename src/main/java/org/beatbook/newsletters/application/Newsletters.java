package org.beatbook.newsletters.application;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.beatbook.engagement.SubscriberDirectory;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitRef;
import org.beatbook.newsletters.domain.Edition;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.IssueStatus;
import org.beatbook.newsletters.domain.IssueText;
import org.beatbook.newsletters.domain.Period;
import org.beatbook.newsletters.domain.Problem;
import org.beatbook.newsletters.domain.Progress;
import org.beatbook.newsletters.domain.Translation;
import org.beatbook.newsletters.persistence.NewsletterStore;
import org.beatbook.newsletters.persistence.OutboxStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing, reviewing, scheduling and publishing issues. Each public method is one transaction. */
@Service
public class Newsletters {

    static final int MAX_UNITS = 50;

    private final NewsletterStore store;
    private final OutboxStore outbox;
    private final UnitCatalogue catalogue;
    private final ObjectProvider<SubscriberDirectory> directory;
    private final EditionRenderer renderer;
    private final Deliveries deliveries;
    private final List<String> languages;
    private final NewsletterProperties properties;
    private final Clock clock;

    Newsletters(NewsletterStore store, OutboxStore outbox, UnitCatalogue catalogue,
                ObjectProvider<SubscriberDirectory> directory, EditionRenderer renderer, Deliveries deliveries,
                @Value("${beatbook.languages:en,es}") List<String> languages, NewsletterProperties properties) {
        this.store = store;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.directory = directory;
        this.renderer = renderer;
        this.deliveries = deliveries;
        // the site's languages (the same setting the language switch reads), as primary language codes
        this.languages = languages.stream().map(IssueText::language).filter(l -> !l.isEmpty()).distinct().toList();
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Creates a draft with its default-language version; all or nothing. */
    @Transactional
    public long create(NewIssue input, String user) {
        List<Problem> problems = new ArrayList<>();
        List<Issue.Unit> units = units(input.level(), input.units(), problems);
        Period period = period(input.periodKind(), input.periodStart(), problems);
        String language = language(input.language(), "language", problems);
        problems.addAll(IssueText.check(input.title(), input.body()));
        if (!problems.isEmpty()) {
            throw new NewsletterRejected(problems);
        }
        long id = store.create(period, language, units, user);
        store.saveTranslation(id, new Translation(language, blankToNull(input.title()), input.body()));
        return id;
    }

    /**
     * Saves one language version of a draft. An empty body removes a translation (never the default language's
     * version, which is required).
     */
    @Transactional
    public void saveTranslation(long id, String languageTag, String title, String body) {
        Issue issue = editable(id);
        List<Problem> problems = new ArrayList<>();
        String language = language(languageTag, "language", problems);
        if (problems.isEmpty() && !language.equals(issue.defaultLanguage()) && (body == null || body.isBlank())
                && (title == null || title.isBlank())) {
            store.removeTranslation(id, language);
            return;
        }
        problems.addAll(IssueText.check(title, body));
        if (!problems.isEmpty()) {
            throw new NewsletterRejected(problems);
        }
        store.saveTranslation(id, new Translation(language, blankToNull(title), body));
    }

    @Transactional
    public void submitForReview(long id) {
        move(id, IssueStatus.REVIEW, null);
    }

    @Transactional
    public void returnToDraft(long id) {
        move(id, IssueStatus.DRAFT, null);
    }

    /** Publishes at a local date and time of the department's zone (must be in the future). */
    @Transactional
    public void schedule(long id, String localDateTime) {
        Instant at;
        try {
            at = LocalDateTime.parse(localDateTime == null ? "" : localDateTime.strip()).atZone(properties.zone()).toInstant();
        }
        catch (DateTimeException e) {
            throw new NewsletterRejected(new Problem("publishAt", "newsletters.error.publishAt.format"));
        }
        if (!at.isAfter(clock.instant())) {
            throw new NewsletterRejected(new Problem("publishAt", "newsletters.error.publishAt.past"));
        }
        move(id, IssueStatus.SCHEDULED, at);
        deliveries.schedulePublishing(id, at);
    }

    @Transactional
    public void unschedule(long id) {
        move(id, IssueStatus.REVIEW, null);
        deliveries.cancelPublishing(id);
    }

    /**
     * Freezes every language version with its blocks, moves the issue to the archive and writes one outbox row per
     * recipient — all in this one transaction, so an issue is either published with its whole outbox or not at all.
     * Senders start after the commit.
     */
    @Transactional
    public void publish(long id) {
        Issue issue = store.lock(id).orElseThrow(() -> notFound(id));
        if (!issue.status().canMoveTo(IssueStatus.PUBLISHED)) {
            throw new NewsletterRejected(new Problem("status", "newsletters.error.transition",
                    issue.status().key(), IssueStatus.PUBLISHED.key()));
        }
        Set<String> editionLanguages = new LinkedHashSet<>();
        for (Translation translation : store.translations(id)) {
            Edition edition = renderer.render(issue, translation);
            store.saveEdition(id, edition);
            editionLanguages.add(edition.language());
        }
        store.setStatus(id, IssueStatus.PUBLISHED, issue.publishAt());
        int batchSize = properties.delivery().batchSize();
        List<OutboxStore.Entry> batch = new ArrayList<>(batchSize);
        directory.getObject().forEachRecipient(issue.unitKeys(), recipient -> {
            String wanted = IssueText.language(recipient.language());
            batch.add(new OutboxStore.Entry(recipient.subscriberId(), recipient.email(),
                    editionLanguages.contains(wanted) ? wanted : issue.defaultLanguage()));
            if (batch.size() >= batchSize) {
                outbox.insert(id, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            outbox.insert(id, batch);
        }
        deliveries.startAfterCommit(id);
    }

    /** Run by the scheduler at the chosen time; does nothing when staff took the issue back in the meantime. */
    @Transactional
    public void publishScheduled(long id) {
        if (store.lock(id).filter(issue -> issue.status() == IssueStatus.SCHEDULED).isPresent()) {
            publish(id);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Issue> issue(long id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public List<Issue> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public List<Translation> translations(long id) {
        return store.translations(id);
    }

    @Transactional(readOnly = true)
    public Progress progress(long id) {
        return outbox.progress(id);
    }

    @Transactional(readOnly = true)
    public List<OutboxStore.Failure> failures(long id) {
        return outbox.failures(id, 50);
    }

    public String preview(String markdown) {
        return renderer.preview(markdown);
    }

    /** The title an untitled version gets, for the editor's hint. */
    @Transactional(readOnly = true)
    public String generatedTitle(long id, String language) {
        return renderer.title(store.find(id).orElseThrow(() -> notFound(id)), new Translation(language, null, ""));
    }

    /** How many would receive the issue if it were published now (0 before the engagement module is present). */
    @Transactional(readOnly = true)
    public long audience(Issue issue) {
        SubscriberDirectory subscribers = directory.getIfAvailable();
        return subscribers == null ? 0 : subscribers.countRecipients(issue.unitKeys());
    }

    public List<String> languages() {
        return languages;
    }

    private void move(long id, IssueStatus next, Instant publishAt) {
        Issue issue = store.lock(id).orElseThrow(() -> notFound(id));
        if (!issue.status().canMoveTo(next)) {
            throw new NewsletterRejected(new Problem("status", "newsletters.error.transition", issue.status().key(), next.key()));
        }
        if (next == IssueStatus.REVIEW && store.translations(id).stream().noneMatch(t -> t.language().equals(issue.defaultLanguage()))) {
            throw new NewsletterRejected(new Problem("body", "newsletters.error.body.empty"));
        }
        store.setStatus(id, next, publishAt);
    }

    private Issue editable(long id) {
        Issue issue = store.find(id).orElseThrow(() -> notFound(id));
        if (!issue.status().editable()) {
            throw new NewsletterRejected(new Problem("status", "newsletters.error.notEditable", issue.status().key()));
        }
        return issue;
    }

    private List<Issue.Unit> units(String level, String codes, List<Problem> problems) {
        if (level == null || level.isBlank() || catalogue.level(level.strip()).isEmpty()) {
            problems.add(new Problem("level", "newsletters.error.level.unknown"));
            return List.of();
        }
        List<String> wanted = Arrays.stream((codes == null ? "" : codes).split("[,;\\s]+"))
                .filter(code -> !code.isBlank()).distinct().toList();
        if (wanted.isEmpty()) {
            problems.add(new Problem("units", "newsletters.error.units.empty"));
            return List.of();
        }
        if (wanted.size() > MAX_UNITS) {
            problems.add(new Problem("units", "newsletters.error.units.many", MAX_UNITS));
            return List.of();
        }
        List<UnitRef> known = catalogue.units(level.strip());
        List<Issue.Unit> units = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : wanted) {
            Optional<UnitRef> unit = known.stream().filter(u -> sameCode(u.code(), code)).findFirst();
            unit.ifPresentOrElse(u -> units.add(new Issue.Unit(u.level(), u.code(), u.label())),
                    () -> unknown.add(code.length() > 20 ? code.substring(0, 20) + "…" : code));
        }
        if (!unknown.isEmpty()) {
            problems.add(new Problem("units", "newsletters.error.units.unknown", String.join(", ", unknown)));
        }
        return units.stream().collect(Collectors.toMap(Issue.Unit::key, u -> u, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    /** "7" finds district "007" and the other way round: staff type codes as they say them. */
    private static boolean sameCode(String known, String typed) {
        if (known.equalsIgnoreCase(typed.strip())) {
            return true;
        }
        return typed.strip().matches("\\d{1,9}") && known.matches("\\d{1,9}")
                && Long.parseLong(known) == Long.parseLong(typed.strip());
    }

    private static Period period(String kind, String start, List<Problem> problems) {
        Period.Kind periodKind;
        try {
            periodKind = Period.Kind.of(kind == null ? "" : kind.strip());
        }
        catch (IllegalArgumentException e) {
            problems.add(new Problem("periodKind", "newsletters.error.periodKind"));
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(start == null ? "" : start.strip());
        }
        catch (DateTimeException e) {
            problems.add(new Problem("periodStart", "newsletters.error.periodStart.format"));
            return null;
        }
        if (month.getYear() < 2000 || month.getYear() > 2100) {
            problems.add(new Problem("periodStart", "newsletters.error.periodStart.format"));
            return null;
        }
        Period period = new Period(periodKind, month);
        if (!period.valid()) {
            problems.add(new Problem("periodStart", "newsletters.error.periodStart.quarter"));
        }
        return period;
    }

    private String language(String tag, String field, List<Problem> problems) {
        String language = IssueText.language(tag);
        if (!languages().contains(language)) {
            problems.add(new Problem(field, "newsletters.error.language.unknown", String.join(", ", languages())));
        }
        return language;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static IssueNotFound notFound(long id) {
        return new IssueNotFound(id);
    }

    /** No issue with that id. */
    public static class IssueNotFound extends RuntimeException {
        IssueNotFound(long id) {
            super("No newsletter issue " + id);
        }
    }
}
