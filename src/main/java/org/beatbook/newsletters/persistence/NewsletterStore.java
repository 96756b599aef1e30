package org.beatbook.newsletters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.beatbook.geography.UnitKey;
import org.beatbook.newsletters.domain.Edition;
import org.beatbook.newsletters.domain.Issue;
import org.beatbook.newsletters.domain.IssueStatus;
import org.beatbook.newsletters.domain.MailTemplate;
import org.beatbook.newsletters.domain.Period;
import org.beatbook.newsletters.domain.Translation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues, their units, language versions and published editions. */
@Repository
public class NewsletterStore {

    private static final String ISSUE_COLUMNS = "id, period_kind, period_start, default_language, status, publish_at, "
            + "published_at, created_by";

    private final JdbcClient jdbc;

    NewsletterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(Period period, String defaultLanguage, List<Issue.Unit> units, String createdBy) {
        long id = jdbc.sql("""
                        insert into newsletter_issue (period_kind, period_start, default_language, created_by)
                        values (?, ?, ?, ?) returning id""")
                .params(period.kind().key(), period.start().atDay(1), defaultLanguage, createdBy)
                .query(Long.class).single();
        for (int i = 0; i < units.size(); i++) {
            Issue.Unit unit = units.get(i);
            jdbc.sql("insert into newsletter_issue_unit (issue_id, position, unit_level, unit_code, unit_label) values (?, ?, ?, ?, ?)")
                    .params(id, i, unit.level(), unit.code(), unit.label()).update();
        }
        return id;
    }

    public Optional<Issue> find(long id) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " from newsletter_issue where id = ?").param(id)
                .query((rs, n) -> issue(rs, units(id))).optional();
    }

    /** Locks the issue row so that publishing runs once even when staff and the scheduler race. */
    public Optional<Issue> lock(long id) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " from newsletter_issue where id = ? for update").param(id)
                .query((rs, n) -> issue(rs, units(id))).optional();
    }

    /** Newest first: for the staff list. */
    public List<Issue> all() {
        return withUnits("select " + ISSUE_COLUMNS + " from newsletter_issue order by id desc", List.of());
    }

    /** Published issues of one unit, newest first. */
    public List<Issue> published(UnitKey unit) {
        return withUnits("select " + ISSUE_COLUMNS + " from newsletter_issue i where status = 'published' and exists ("
                + "select 1 from newsletter_issue_unit u where u.issue_id = i.id and u.unit_level = ? and u.unit_code = ?) "
                + "order by published_at desc, id desc", List.of(unit.level(), unit.code()));
    }

    /** Units with at least one published issue, with their latest label and how many issues. */
    public List<ArchiveUnit> archiveUnits() {
        return jdbc.sql("""
                        select u.unit_level, u.unit_code, max(u.unit_label) as label, count(*) as issues,
                               max(i.published_at) as latest
                        from newsletter_issue_unit u join newsletter_issue i on i.id = u.issue_id
                        where i.status = 'published'
                        group by u.unit_level, u.unit_code order by u.unit_level, u.unit_code""")
                .query((rs, n) -> new ArchiveUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public record ArchiveUnit(String level, String code, String label, long issues, Instant latest) {
    }

    public void setStatus(long id, IssueStatus status, Instant publishAt) {
        jdbc.sql("update newsletter_issue set status = ?, publish_at = ?, updated_at = now(), "
                        + "published_at = case when ? = 'published' then now() else published_at end where id = ?")
                .params(status.key(), publishAt == null ? null : Timestamp.from(publishAt), status.key(), id).update();
    }

    public void update(long id, Period period, String defaultLanguage) {
        jdbc.sql("update newsletter_issue set period_kind = ?, period_start = ?, default_language = ?, updated_at = now() where id = ?")
                .params(period.kind().key(), period.start().atDay(1), defaultLanguage, id).update();
    }

    public List<Translation> translations(long issueId) {
        return jdbc.sql("select language, title, body from newsletter_translation where issue_id = ? order by language")
                .param(issueId).query((rs, n) -> new Translation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public void saveTranslation(long issueId, Translation translation) {
        jdbc.sql("""
                        insert into newsletter_translation (issue_id, language, title, body) values (?, ?, ?, ?)
                        on conflict (issue_id, language) do update set title = excluded.title, body = excluded.body""")
                .params(issueId, translation.language(), translation.title(), translation.body()).update();
        jdbc.sql("update newsletter_issue set updated_at = now() where id = ?").param(issueId).update();
    }

    public void removeTranslation(long issueId, String language) {
        jdbc.sql("delete from newsletter_translation where issue_id = ? and language = ?").params(issueId, language).update();
    }

    public void saveEdition(long issueId, Edition edition) {
        jdbc.sql("insert into newsletter_edition (issue_id, language, title, body_html, email_html, email_text) values (?, ?, ?, ?, ?, ?)")
                .params(issueId, edition.language(), edition.title(), edition.bodyHtml(), edition.mail().html(),
                        edition.mail().text())
                .update();
    }

    public List<Edition> editions(long issueId) {
        return jdbc.sql("select language, title, body_html, email_html, email_text from newsletter_edition where issue_id = ? order by language")
                .param(issueId)
                .query((rs, n) -> new Edition(rs.getString(1), rs.getString(2), rs.getString(3),
                        new MailTemplate(rs.getString(4), rs.getString(5))))
                .list();
    }

    private List<Issue> withUnits(String sql, List<Object> params) {
        List<Issue> bare = jdbc.sql(sql).params(params).query((rs, n) -> issue(rs, List.of())).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Issue.Unit>> units = jdbc.sql("""
                        select issue_id, unit_level, unit_code, unit_label from newsletter_issue_unit
                        where issue_id = any(?) order by issue_id, position""")
                .param(bare.stream().map(Issue::id).toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), new Issue.Unit(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Issue> result = new ArrayList<>();
        for (Issue issue : bare) {
            result.add(new Issue(issue.id(), issue.period(), issue.defaultLanguage(), issue.status(), issue.publishAt(),
                    issue.publishedAt(), issue.createdBy(), units.getOrDefault(issue.id(), List.of())));
        }
        return result;
    }

    private List<Issue.Unit> units(long issueId) {
        return jdbc.sql("select unit_level, unit_code, unit_label from newsletter_issue_unit where issue_id = ? order by position")
                .param(issueId).query((rs, n) -> new Issue.Unit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static Issue issue(ResultSet rs, List<Issue.Unit> units) throws SQLException {
        LocalDate start = rs.getObject("period_start", LocalDate.class);
        return new Issue(rs.getLong("id"),
                new Period(Period.Kind.of(rs.getString("period_kind")), YearMonth.from(start)),
                rs.getString("default_language"), IssueStatus.of(rs.getString("status")),
                instant(rs.getTimestamp("publish_at")), instant(rs.getTimestamp("published_at")),
                rs.getString("created_by"), units);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
