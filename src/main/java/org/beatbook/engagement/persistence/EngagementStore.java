package org.beatbook.engagement.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.beatbook.engagement.Recipient;
import org.beatbook.engagement.domain.SignUp;
import org.beatbook.geography.UnitKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain JDBC for pending sign-ups, subscribers, concerns, the audit trail and the link secret. */
@Repository
public class EngagementStore {

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;

    EngagementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- link secret

    public Optional<String> secret(String name) {
        return jdbc.sql("select value from engagement_secret where name = ?").param(name).query(String.class).optional();
    }

    public void insertSecretIfAbsent(String name, String value) {
        jdbc.sql("insert into engagement_secret (name, value) values (?, ?) on conflict (name) do nothing")
                .params(name, value).update();
    }

    // --- pending sign-ups

    /** Creates or replaces the address's pending sign-up (its data; a token already mailed stays valid). */
    public long savePending(SignUp s, UnitKey unit, String source, String enteredBy) {
        return jdbc.sql("""
                insert into engagement_pending (email, name, phone, address, unit_level, unit_code, language, priorities,
                                                concern, source, entered_by)
                values (:email, :name, :phone, :address, :level, :code, :language, :priorities, :concern, :source, :by)
                on conflict (email) do update set name = excluded.name, phone = excluded.phone,
                    address = excluded.address, unit_level = excluded.unit_level, unit_code = excluded.unit_code,
                    language = excluded.language, priorities = excluded.priorities, concern = excluded.concern,
                    source = excluded.source, entered_by = excluded.entered_by, submitted_at = now()
                returning id""")
                .param("email", s.email()).param("name", s.name()).param("phone", s.phone())
                .param("address", s.address()).param("level", unit.level()).param("code", unit.code())
                .param("language", s.language()).param("priorities", String.join(",", s.priorities()))
                .param("concern", s.concern()).param("source", source).param("by", enteredBy)
                .query(Long.class).single();
    }

    /** True (and the time noted) when no confirmation mail was queued for this sign-up within {@code interval}. */
    public boolean claimMailSlot(long pendingId, Duration interval) {
        return jdbc.sql("""
                update engagement_pending set mail_requested_at = now()
                where id = ? and (mail_requested_at is null or mail_requested_at < now() - ? * interval '1 second')""")
                .params(pendingId, interval.toSeconds()).update() == 1;
    }

    public record PendingMail(long id, String email, String name, String language, UnitKey unit) {
    }

    public Optional<PendingMail> pendingForMail(long id) {
        return jdbc.sql("select id, email, name, language, unit_level, unit_code from engagement_pending where id = ?")
                .param(id)
                .query((rs, n) -> new PendingMail(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        rs.getString("language"), new UnitKey(rs.getString("unit_level"), rs.getString("unit_code"))))
                .optional();
    }

    /** The token of the newest mail; earlier ones stop working. */
    public void setToken(long pendingId, String tokenHash, Instant expiresAt) {
        jdbc.sql("update engagement_pending set token_hash = ?, expires_at = ? where id = ?")
                .params(tokenHash, Timestamp.from(expiresAt), pendingId).update();
    }

    public enum TokenState { VALID, EXPIRED, UNKNOWN }

    public TokenState tokenState(String tokenHash) {
        return jdbc.sql("select expires_at > now() from engagement_pending where token_hash = ?").param(tokenHash)
                .query(Boolean.class).optional().map(valid -> valid ? TokenState.VALID : TokenState.EXPIRED)
                .orElse(TokenState.UNKNOWN);
    }

    public record Confirmed(long subscriberId, UnitKey unit, String language) {
    }

    /**
     * Turns the pending sign-up into a subscriber (a new one, or the existing one for that address updated), files its
     * concern, and deletes the pending row so the token works once. Empty when the token is unknown or expired.
     */
    public Optional<Confirmed> confirm(String tokenHash) {
        Optional<Confirmed> confirmed = jdbc.sql("""
                insert into engagement_subscriber (email, name, phone, address, unit_level, unit_code, language,
                                                   priorities, source)
                select email, name, phone, address, unit_level, unit_code, language, priorities, source
                from engagement_pending where token_hash = ? and expires_at > now()
                on conflict (email) do update set name = excluded.name, phone = excluded.phone,
                    address = excluded.address, unit_level = excluded.unit_level, unit_code = excluded.unit_code,
                    language = excluded.language, priorities = excluded.priorities, confirmed_at = now(),
                    unsubscribed_at = null, hard_bounces = 0, undeliverable = false
                returning id, unit_level, unit_code, language""")
                .param(tokenHash)
                .query((rs, n) -> new Confirmed(rs.getLong("id"),
                        new UnitKey(rs.getString("unit_level"), rs.getString("unit_code")), rs.getString("language")))
                .optional();
        confirmed.ifPresent(c -> {
            jdbc.sql("""
                    insert into engagement_concern (subscriber_id, unit_level, unit_code, body)
                    select ?, unit_level, unit_code, concern from engagement_pending
                    where token_hash = ? and concern is not null""").params(c.subscriberId(), tokenHash).update();
            jdbc.sql("delete from engagement_pending where token_hash = ?").param(tokenHash).update();
        });
        return confirmed;
    }

    /** Unconfirmed sign-ups are kept no longer than their link is valid (a day longer for a late click's message). */
    public int purgeExpiredPending() {
        return jdbc.sql("""
                delete from engagement_pending
                where coalesce(expires_at, submitted_at + interval '2 days') < now() - interval '1 day'""").update();
    }

    // --- subscribers

    public record Subscription(long id, UnitKey unit, String language, List<String> priorities, boolean active) {
    }

    public Optional<Subscription> subscription(long id) {
        return jdbc.sql("""
                select id, unit_level, unit_code, language, priorities, unsubscribed_at is null as active
                from engagement_subscriber where id = ?""").param(id)
                .query((rs, n) -> new Subscription(rs.getLong("id"),
                        new UnitKey(rs.getString("unit_level"), rs.getString("unit_code")), rs.getString("language"),
                        split(rs.getString("priorities")), rs.getBoolean("active")))
                .optional();
    }

    /** The subscriber's list when this took them off it; empty when they had left already or are gone. */
    public Optional<UnitKey> unsubscribe(long id) {
        return jdbc.sql("""
                update engagement_subscriber set unsubscribed_at = now() where id = ? and unsubscribed_at is null
                returning unit_level, unit_code""").param(id)
                .query((rs, n) -> new UnitKey(rs.getString(1), rs.getString(2))).optional();
    }

    public Optional<String> email(long id) {
        return jdbc.sql("select email from engagement_subscriber where id = ?").param(id).query(String.class).optional();
    }

    public void updatePreferences(long id, String language, List<String> priorities) {
        jdbc.sql("update engagement_subscriber set language = ?, priorities = ?, unsubscribed_at = null where id = ?")
                .params(language, String.join(",", priorities), id).update();
    }

    /** Removes the subscriber and their concerns (cascade). */
    public Optional<UnitKey> delete(long id) {
        return jdbc.sql("delete from engagement_subscriber where id = ? returning unit_level, unit_code").param(id)
                .query((rs, n) -> new UnitKey(rs.getString(1), rs.getString(2))).optional();
    }

    public void recordHardBounce(long id) {
        jdbc.sql("""
                update engagement_subscriber set hard_bounces = hard_bounces + 1, undeliverable = hard_bounces + 1 >= 3
                where id = ?""").param(id).update();
    }

    public void forEachRecipient(Collection<UnitKey> units, Consumer<Recipient> action) {
        // one unit at a time, so every page is a range of the (unit_level, unit_code, id) index whatever the
        // planner thinks of a list of units (a subscriber belongs to one unit: the units' lists are disjoint)
        for (UnitKey unit : units) {
            long after = 0;
            while (true) {
                List<Recipient> page = jdbc.sql("""
                        select id, email, name, language, unit_level, unit_code from engagement_subscriber
                        where unit_level = ? and unit_code = ? and id > ?
                          and unsubscribed_at is null and not undeliverable
                        order by id limit ?""")
                        .params(unit.level(), unit.code(), after, PAGE)
                        .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                                rs.getString("language"), new UnitKey(rs.getString("unit_level"), rs.getString("unit_code"))))
                        .list();
                page.forEach(action);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).subscriberId();
            }
        }
    }

    public long countRecipients(Collection<UnitKey> units) {
        if (units.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select count(*) from engagement_subscriber
                where (unit_level, unit_code) in (select l, c from unnest(?::text[], ?::text[]) as u(l, c))
                  and unsubscribed_at is null and not undeliverable""")
                .params(levels(units), codes(units)).query(Long.class).single();
    }

    // --- staff views

    public record Count(String key, long count) {
    }

    /** Active subscribers and open concerns per unit code of one level. */
    public Map<String, long[]> countsByUnit(String level) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select unit_code, count(*) from engagement_subscriber where unit_level = ? and unsubscribed_at is null
                group by unit_code""").param(level)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
                });
        jdbc.sql("""
                select unit_code, count(*) from engagement_concern where unit_level = ? and handled_at is null
                group by unit_code""").param(level)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2);
                });
        return counts;
    }

    public List<Count> countByLanguage(UnitKey unit) {
        return jdbc.sql("""
                select language, count(*) from engagement_subscriber
                where unit_level = ? and unit_code = ? and unsubscribed_at is null group by language order by 2 desc, 1""")
                .params(unit.level(), unit.code()).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    public List<Count> countByPriority(UnitKey unit) {
        return jdbc.sql("""
                select p, count(*) from engagement_subscriber,
                     unnest(string_to_array(nullif(priorities, ''), ',')) as p
                where unit_level = ? and unit_code = ? and unsubscribed_at is null group by p order by 2 desc, 1""")
                .params(unit.level(), unit.code()).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    /** New members per month (by the month they first joined) of those still on the list. */
    public List<Count> joinsByMonth(UnitKey unit) {
        return jdbc.sql("""
                select to_char(date_trunc('month', joined_at), 'YYYY-MM'), count(*) from engagement_subscriber
                where unit_level = ? and unit_code = ? and unsubscribed_at is null group by 1 order by 1""")
                .params(unit.level(), unit.code()).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    public record Member(long id, String name, String email, String phone, String address, String language,
                         List<String> priorities, String source, Instant joinedAt) {
    }

    public void forEachMember(UnitKey unit, Consumer<Member> action) {
        jdbc.sql("""
                select id, name, email, phone, address, language, priorities, source, joined_at
                from engagement_subscriber where unit_level = ? and unit_code = ? and unsubscribed_at is null
                order by joined_at, id""")
                .params(unit.level(), unit.code())
                .query((ResultSet rs) -> {
                    action.accept(member(rs));
                });
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("address"), rs.getString("language"), split(rs.getString("priorities")),
                rs.getString("source"), rs.getTimestamp("joined_at").toInstant());
    }

    public long pendingCount(UnitKey unit) {
        return jdbc.sql("select count(*) from engagement_pending where unit_level = ? and unit_code = ?")
                .params(unit.level(), unit.code()).query(Long.class).single();
    }

    // --- concerns

    public record Concern(long id, String body, Instant receivedAt, Instant handledAt, String handledBy,
                          String name, String email, String phone) {
    }

    public List<Concern> concerns(UnitKey unit) {
        return jdbc.sql("""
                select c.id, c.body, c.received_at, c.handled_at, c.handled_by, s.name, s.email, s.phone
                from engagement_concern c join engagement_subscriber s on s.id = c.subscriber_id
                where c.unit_level = ? and c.unit_code = ?
                order by c.handled_at is not null, c.received_at desc limit 500""")
                .params(unit.level(), unit.code())
                .query((rs, n) -> new Concern(rs.getLong("id"), rs.getString("body"), instant(rs, "received_at"),
                        instant(rs, "handled_at"), rs.getString("handled_by"), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone")))
                .list();
    }

    public boolean markHandled(long concernId, UnitKey unit, String by) {
        return jdbc.sql("""
                update engagement_concern set handled_at = now(), handled_by = ?
                where id = ? and unit_level = ? and unit_code = ? and handled_at is null""")
                .params(by, concernId, unit.level(), unit.code()).update() == 1;
    }

    // --- audit

    public void audit(String actor, String action, UnitKey unit, String detail) {
        jdbc.sql("insert into engagement_audit (actor, action, unit_level, unit_code, detail) values (?, ?, ?, ?, ?)")
                .params(actor, action, unit == null ? null : unit.level(), unit == null ? null : unit.code(), detail)
                .update();
    }

    public record AuditEntry(Instant at, String actor, String action, String unitLevel, String unitCode,
                             String detail) {
    }

    public List<AuditEntry> auditTrail(int limit) {
        return jdbc.sql("""
                select at, actor, action, unit_level, unit_code, detail from engagement_audit order by at desc, id desc
                limit ?""").param(limit)
                .query((rs, n) -> new AuditEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("unit_level"), rs.getString("unit_code"), rs.getString("detail")))
                .list();
    }

    private static String[] levels(Collection<UnitKey> units) {
        return units.stream().map(UnitKey::level).toArray(String[]::new);
    }

    private static String[] codes(Collection<UnitKey> units) {
        return units.stream().map(UnitKey::code).toArray(String[]::new);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
