package org.beatbook.engagement.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beatbook.engagement.persistence.EngagementStore;
import org.beatbook.engagement.persistence.EngagementStore.AuditEntry;
import org.beatbook.engagement.persistence.EngagementStore.Concern;
import org.beatbook.engagement.persistence.EngagementStore.Count;
import org.beatbook.engagement.persistence.EngagementStore.Member;
import org.beatbook.geography.UnitCatalogue;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What staff see and do with the lists. Every look at personal data is written to the audit trail. */
@Service
public class StaffLists {

    public record ListSummary(UnitRef unit, long subscribers, long openConcerns) {
    }

    public record Overview(UnitRef unit, long subscribers, long pending, List<Count> languages,
                           List<Count> priorities, List<Count> joinsByMonth, List<Member> members) {
    }

    private final EngagementStore store;
    private final UnitCatalogue catalogue;
    private final EngagementProperties properties;
    private final TransactionTemplate transaction;

    StaffLists(EngagementStore store, UnitCatalogue catalogue, EngagementProperties properties,
               TransactionTemplate transaction) {
        this.store = store;
        this.catalogue = catalogue;
        this.properties = properties;
        this.transaction = transaction;
    }

    public List<ListSummary> lists() {
        Map<String, long[]> counts = store.countsByUnit(properties.listLevel());
        return catalogue.units(properties.listLevel()).stream().map(u -> {
            long[] c = counts.getOrDefault(u.code(), new long[2]);
            return new ListSummary(u, c[0], c[1]);
        }).toList();
    }

    /** The list's unit for a code in the URL; empty when no such unit exists at the list level. */
    public Optional<UnitRef> unit(String code) {
        return catalogue.unit(new UnitKey(properties.listLevel(), code));
    }

    public Overview overview(UnitRef unit, String actor) {
        UnitKey key = unit.key();
        store.audit(actor, "view-list", key, null);
        List<Member> members = new java.util.ArrayList<>();
        store.forEachMember(key, members::add);
        return new Overview(unit, members.size(), store.pendingCount(key), store.countByLanguage(key),
                store.countByPriority(key), store.joinsByMonth(key), members);
    }

    /**
     * Writes the list as CSV and records the export (in the same transaction: no export without its record).
     * Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
     */
    public long exportCsv(UnitRef unit, String actor, Writer out) {
        return transaction.execute(status -> {
            AtomicLong rows = new AtomicLong();
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader("name", "email", "phone", "address", "language", "priorities", "source", "joined")
                    .get())) {
                store.forEachMember(unit.key(), m -> {
                    try {
                        csv.printRecord(safe(m.name()), safe(m.email()), safe(m.phone()), safe(m.address()),
                                m.language(), String.join(" ", m.priorities()), m.source(), m.joinedAt());
                        rows.incrementAndGet();
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store.audit(actor, "export", unit.key(), rows.get() + " rows");
            return rows.get();
        });
    }

    public List<Concern> concerns(UnitRef unit, String actor) {
        store.audit(actor, "view-concerns", unit.key(), null);
        return store.concerns(unit.key());
    }

    public boolean markHandled(UnitRef unit, long concernId, String actor) {
        boolean done = store.markHandled(concernId, unit.key(), actor);
        if (done) {
            store.audit(actor, "handle-concern", unit.key(), "concern " + concernId);
        }
        return done;
    }

    /** Deletes a subscriber on their request; the audit keeps only the id, not the personal data. */
    public boolean delete(long subscriberId, String actor) {
        return Boolean.TRUE.equals(transaction.execute(status -> store.delete(subscriberId).map(unit -> {
            store.audit(actor, "delete", unit, "subscriber " + subscriberId);
            return true;
        }).orElse(false)));
    }

    public void recordPaperSignUp(UnitRef unit, String actor) {
        store.audit(actor, "paper-signup", unit.key(), null);
    }

    public List<AuditEntry> auditTrail() {
        return store.auditTrail(500);
    }

    private static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
