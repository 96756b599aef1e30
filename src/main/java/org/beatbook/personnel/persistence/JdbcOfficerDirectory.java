package org.beatbook.personnel.persistence;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.beatbook.geography.UnitKey;
import org.beatbook.personnel.OfficerCard;
import org.beatbook.personnel.OfficerDirectory;
import org.beatbook.personnel.domain.Languages;
import org.beatbook.personnel.domain.PersonnelChanged;
import org.beatbook.personnel.domain.PublicContact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who serves the given units today: only current assignments of active members, and only the contact fields each
 * member made public. Every public lookup asks this, so answers are kept per unit for the day and dropped whenever
 * personnel changes; units not yet known are read in one query.
 */
@Component
class JdbcOfficerDirectory implements OfficerDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UnitKey, List<OfficerCard>> byUnit = new ConcurrentHashMap<>();
    private volatile LocalDate cachedDay;
    /** Bumped on every change, so a query that raced with a change does not store what it read. */
    private final AtomicLong generation = new AtomicLong();

    JdbcOfficerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemDefaultZone();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonnelChanged change) {
        generation.incrementAndGet();
        byUnit.clear();
    }

    @Override
    public List<OfficerCard> currentOfficers(Collection<UnitKey> units) {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(cachedDay)) {
            // assignments start and end by date: yesterday's answers may be wrong today
            generation.incrementAndGet();
            byUnit.clear();
            cachedDay = today;
        }
        List<UnitKey> missing = units.stream().filter(u -> !byUnit.containsKey(u)).distinct().toList();
        if (!missing.isEmpty()) {
            long before = generation.get();
            Map<UnitKey, List<OfficerCard>> read = new HashMap<>();
            missing.forEach(u -> read.put(u, new ArrayList<>()));
            query(missing, today).forEach(card -> read.get(card.unit()).add(card));
            if (generation.get() == before) {
                read.forEach((unit, cards) -> byUnit.put(unit, List.copyOf(cards)));
            }
            else {
                return query(units, today);
            }
        }
        List<OfficerCard> answer = new ArrayList<>();
        for (UnitKey unit : units) {
            answer.addAll(byUnit.getOrDefault(unit, List.of()));
        }
        return answer;
    }

    private List<OfficerCard> query(Collection<UnitKey> units, LocalDate day) {
        if (units.isEmpty()) {
            return List.of();
        }
        // The units travel as a VALUES list with their position, so the database keeps the caller's order.
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        int position = 0;
        for (UnitKey unit : units) {
            values.append(position == 0 ? "" : ", ").append("(?, ?, ?)");
            params.add(unit.level());
            params.add(unit.code());
            params.add(position++);
        }
        Date today = Date.valueOf(day);
        params.add(today);
        params.add(today);
        return jdbc.sql("""
                        select m.id, m.display_name, rk.name as rank_name, a.role_key, r.name as role_name,
                               a.unit_level, a.unit_code, m.email, m.public_email, m.phone, m.public_phone,
                               m.languages, m.demo, p.etag
                        from (values %s) as u(level, code, position)
                        join personnel_assignment a on a.unit_level = u.level and a.unit_code = u.code
                        join personnel_member m on m.id = a.member_id
                        join personnel_role r on r.key = a.role_key
                        join personnel_rank rk on rk.key = m.rank_key
                        left join personnel_photo p on p.member_id = m.id
                        where m.active and a.start_date <= ? and (a.end_date is null or a.end_date >= ?)
                        order by u.position, r.position, lower(m.family_name), lower(m.given_name), m.id"""
                        .formatted(values))
                .params(params)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    String etag = rs.getString("etag");
                    return new OfficerCard(id, rs.getString("display_name"), rs.getString("rank_name"),
                            rs.getString("role_key"), rs.getString("role_name"),
                            new UnitKey(rs.getString("unit_level"), rs.getString("unit_code")),
                            PublicContact.visible(rs.getString("email"), rs.getBoolean("public_email")),
                            PublicContact.visible(rs.getString("phone"), rs.getBoolean("public_phone")),
                            Languages.split(rs.getString("languages")),
                            etag == null ? null : "/members/" + id + "/photo?v=" + etag.substring(0, 8),
                            rs.getBoolean("demo"));
                })
                .list();
    }
}
