package org.beatbook.personnel.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beatbook.geography.UnitKey;
import org.beatbook.personnel.domain.Assignment;
import org.beatbook.personnel.domain.Staffing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments (rows are added and ended, never deleted) and the audit of date corrections. */
@Repository
public class AssignmentStore {

    private static final String SELECT = "select id, member_id, role_key, unit_level, unit_code, start_date, end_date "
            + "from personnel_assignment";

    private final JdbcClient jdbc;

    public AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member's history, latest start first. */
    public List<Assignment> byMember(long memberId) {
        return jdbc.sql(SELECT + " where member_id = ? order by start_date desc, id desc").param(memberId)
                .query(AssignmentStore::map).list();
    }

    public List<Assignment> byMembers(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where member_id in (:ids)").param("ids", memberIds).query(AssignmentStore::map).list();
    }

    public Optional<Assignment> byId(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AssignmentStore::map).optional();
    }

    public long insert(Assignment a) {
        return jdbc.sql("""
                        insert into personnel_assignment (member_id, role_key, unit_level, unit_code, start_date, end_date)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(a.memberId(), a.roleKey(), a.unit().level(), a.unit().code(), Date.valueOf(a.start()),
                        a.end() == null ? null : Date.valueOf(a.end()))
                .query(Long.class).single();
    }

    public void setDates(long id, LocalDate start, LocalDate end) {
        jdbc.sql("update personnel_assignment set start_date = ?, end_date = ? where id = ?")
                .params(Date.valueOf(start), end == null ? null : Date.valueOf(end), id).update();
    }

    public void recordCorrection(Assignment before, LocalDate start, LocalDate end, String by) {
        jdbc.sql("""
                        insert into personnel_assignment_correction (assignment_id, old_start, old_end, new_start, new_end, corrected_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(before.id(), Date.valueOf(before.start()), before.end() == null ? null : Date.valueOf(before.end()),
                        Date.valueOf(start), end == null ? null : Date.valueOf(end), by)
                .update();
    }

    /** How many active members serve each unit in each role on the given day. */
    public Map<Staffing.Post, Integer> currentCounts(LocalDate day) {
        Map<Staffing.Post, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select a.unit_level, a.unit_code, a.role_key, count(distinct a.member_id) as n
                        from personnel_assignment a join personnel_member m on m.id = a.member_id
                        where m.active and a.start_date <= :day and (a.end_date is null or a.end_date >= :day)
                        group by a.unit_level, a.unit_code, a.role_key""")
                .param("day", Date.valueOf(day))
                .query(rs -> {
                    counts.put(new Staffing.Post(new UnitKey(rs.getString("unit_level"), rs.getString("unit_code")),
                            rs.getString("role_key")), rs.getInt("n"));
                });
        return counts;
    }

    public boolean hasCurrent(long memberId, LocalDate day) {
        return jdbc.sql("""
                        select exists(select 1 from personnel_assignment a join personnel_member m on m.id = a.member_id
                        where a.member_id = :id and m.active and a.start_date <= :day
                          and (a.end_date is null or a.end_date >= :day))""")
                .param("id", memberId).param("day", Date.valueOf(day)).query(Boolean.class).single();
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        Date end = rs.getDate("end_date");
        return new Assignment(rs.getLong("id"), rs.getLong("member_id"), rs.getString("role_key"),
                new UnitKey(rs.getString("unit_level"), rs.getString("unit_code")), rs.getDate("start_date").toLocalDate(),
                end == null ? null : end.toLocalDate());
    }
}
