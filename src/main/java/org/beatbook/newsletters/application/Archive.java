package org.beatbook.newsletters.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.domain.Edition;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.IssueStatus;
import org.beatbook.newsletters.persistence.NewsletterStore;
import org.beatbook.platform.Department;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The public archive of published issues: pages, printable PDFs and an Atom feed per unit. */
@Service
@Transactional(readOnly = true)
public class Archive {

    private final NewsletterStore store;
    private final Department department;
    private final MessageSource messages;
    private final ITemplateEngine templates;

    Archive(NewsletterStore store, Department department, MessageSource messages, ITemplateEngine templates) {
        this.store = store;
        this.department = department;
        this.messages = messages;
        this.templates = templates;
    }

    /** A published issue in the language asked for, or in its default language when there is no such version. */
    public record Published(Issue issue, Edition edition, List<String> languages) {
    }

    public List<NewsletterStore.ArchiveUnit> units() {
        return store.archiveUnits();
    }

    public List<Issue> issues(UnitKey unit) {
        return store.published(unit);
    }

    /** Titles of each issue in the reader's language (or the default), for lists. */
    public Map<Long, String> titles(List<Issue> issues, Locale locale) {
        Map<Long, String> titles = new java.util.HashMap<>();
        for (Issue issue : issues) {
            published(issue.id(), locale.getLanguage()).ifPresent(p -> titles.put(issue.id(), p.edition().title()));
        }
        return titles;
    }

    public Optional<Published> published(long id, String language) {
        return store.find(id).filter(issue -> issue.status() == IssueStatus.PUBLISHED).map(issue -> {
            List<Edition> editions = store.editions(id);
            Edition edition = editions.stream().filter(e -> e.language().equals(language)).findFirst()
                    .or(() -> editions.stream().filter(e -> e.language().equals(issue.defaultLanguage())).findFirst())
                    .orElseThrow();
            return new Published(issue, edition, editions.stream().map(Edition::language).toList());
        });
    }

    /**
     * A printable PDF of the issue. Nothing is fetched from the network while rendering (images in the text or of
     * officers are left out): a server that fetches URLs named in user text could be made to probe the intranet.
     */
    public byte[] pdf(Published published) {
        Locale locale = Locale.forLanguageTag(published.edition().language());
        String html = templates.process("newsletters/print", new Context(locale, Map.of(
                "title", published.edition().title(), "bodyHtml", published.edition().bodyHtml(),
                "department", department, "language", published.edition().language())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useProtocolsStreamImplementation(url -> NOTHING, "http", "https", "file", "jar", "ftp");
            builder.withHtmlContent(html, department.link("/"));
            builder.toStream(out);
            builder.run();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final FSStream NOTHING = new FSStream() {
        @Override
        public InputStream getStream() {
            return null;
        }

        @Override
        public Reader getReader() {
            return null;
        }
    };

    /** Atom 1.0 feed of a unit's issues, newest first, in the reader's language where a version exists. */
    public String atom(UnitKey unit, String unitLabel, Locale locale) {
        List<Issue> issues = store.published(unit);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        String page = department.link("/newsletters/" + unit.level() + "/" + unit.code());
        feed.setTitle(messages.getMessage("newsletters.feed.title", new Object[] {unitLabel}, locale));
        feed.setDescription(department.name());
        feed.setAuthor(department.name());
        feed.setUri(page);
        feed.setLink(page);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType("application/atom+xml");
        self.setHref(page + "/feed.atom");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(page);
        feed.setLinks(List.of(self, alternate));
        feed.setLanguage(locale.getLanguage());
        feed.setPublishedDate(issues.isEmpty() ? new Date(0) : Date.from(issues.get(0).publishedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Issue issue : issues) {
            published(issue.id(), locale.getLanguage()).ifPresent(p -> {
                SyndEntry entry = new SyndEntryImpl();
                String link = department.link("/newsletters/issues/" + issue.id() + "?lang=" + p.edition().language());
                entry.setTitle(p.edition().title());
                entry.setLink(link);
                entry.setUri(department.link("/newsletters/issues/" + issue.id()));
                entry.setAuthor(department.name());
                entry.setPublishedDate(Date.from(issue.publishedAt()));
                entry.setUpdatedDate(Date.from(issue.publishedAt()));
                SyndContentImpl content = new SyndContentImpl();
                content.setType("html");
                content.setValue(p.edition().bodyHtml());
                entry.setContents(List.of(content));
                entries.add(entry);
            });
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        }
        catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }
}
