package org.beatbook.newsletters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beatbook.newsletters.domain.Progress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery outbox: one row per recipient and issue. Every method that changes a row must run inside the
 * transaction that claimed it (see {@link #claimNext}).
 */
@Repository
public class OutboxStore {

    private final JdbcClient jdbc;
    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long subscriberId, String email, String language) {
    }

    public record Claimed(long id, long subscriberId, String email, String language, int attempts, Instant due) {

        public Position position() {
            return new Position(due, id);
        }
    }

    /** A place in the claim order (due time, then id). */
    public record Position(Instant due, long id) {

        public static final Position START = new Position(Instant.EPOCH, 0);
    }

    /**
     * One statement per batch (arrays unnested by the server, far cheaper than a JDBC batch of single-row inserts);
     * a recipient already queued for the issue is skipped (unique issue + subscriber).
     */
    public void insert(long issueId, List<Entry> entries) {
        jdbc.sql("""
                        insert into newsletter_outbox (issue_id, subscriber_id, email, language)
                        select ?, * from unnest(?::bigint[], ?::text[], ?::text[])
                        on conflict (issue_id, subscriber_id) do nothing""")
                .params(issueId, entries.stream().map(Entry::subscriberId).toArray(Long[]::new),
                        entries.stream().map(Entry::email).toArray(String[]::new),
                        entries.stream().map(Entry::language).toArray(String[]::new))
                .update();
    }

    /**
     * Locks the next due pending rows (up to {@code limit}) of the issue after {@code after} until the caller's
     * transaction ends; rows other workers hold are skipped, so workers never wait for or send each other's rows.
     * Starting after the caller's last row matters: rows already sent stay in the partial index as dead entries
     * until vacuum, and a scan from the start would step over all of them for every claim (quadratic in the list).
     */
    public List<Claimed> claimNext(long issueId, Position after, int limit) {
        // The commit that marks rows sent need not wait for the disk: if the application dies, PostgreSQL still
        // has the commit; only a crash of the database server itself could forget the last fraction of a second
        // of marks, and those few messages would be sent again (with the same Message-ID). Waiting for a flush per
        // message would halve the sending rate.
        jdbc.sql("set local synchronous_commit to off").update();
        return jdbc.sql("""
                        select id, subscriber_id, email, language, attempts, next_attempt_at from newsletter_outbox
                        where issue_id = ? and status = 'pending' and next_attempt_at <= now()
                          and (next_attempt_at, id) > (?, ?)
                        order by next_attempt_at, id limit ? for update skip locked""")
                .params(issueId, Timestamp.from(after.due()), after.id(), limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** One statement for a claimed batch: a round trip per message cost more than the message. */
    public void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update newsletter_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?::bigint[])")
                .param(ids.toArray(Long[]::new)).update();
    }

    public void markRetry(long id, Instant next, String error) {
        jdbc.sql("update newsletter_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(next), clip(error), id).update();
    }

    public void markFailed(long id, String error) {
        jdbc.sql("update newsletter_outbox set status = 'failed', attempts = attempts + 1, last_error = ? where id = ?")
                .params(clip(error), id).update();
    }

    /** When the earliest pending row of the issue is due, if any is left. */
    public Optional<Instant> nextAttempt(long issueId) {
        return jdbc.sql("select min(next_attempt_at) from newsletter_outbox where issue_id = ? and status = 'pending'")
                .param(issueId).query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    /** Issues that have due pending rows: the sweep makes sure each has workers. */
    public List<Long> issuesWithDueRows() {
        return jdbc.sql("select distinct issue_id from newsletter_outbox where status = 'pending' and next_attempt_at <= now()")
                .query(Long.class).list();
    }

    public Progress progress(long issueId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'sent'), count(*) filter (where status = 'pending'),
                               count(*) filter (where status = 'failed')
                        from newsletter_outbox where issue_id = ?""")
                .param(issueId).query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Failed rows with their reason, for staff. */
    public List<Failure> failures(long issueId, int limit) {
        return jdbc.sql("select email, attempts, last_error from newsletter_outbox where issue_id = ? and status = 'failed' order by id limit ?")
                .params(issueId, limit).query((rs, n) -> new Failure(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    public record Failure(String email, int attempts, String error) {
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
