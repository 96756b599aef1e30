package org.beatbook.personnel.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beatbook.personnel.domain.Staffing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The department's configurable lists (ranks, roles, in display order) and staffing targets. */
@Repository
public class CatalogStore {

    private final JdbcClient jdbc;

    public CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rank key to display name, in rank order. */
    public Map<String, String> ranks() {
        return names("personnel_rank");
    }

    /** Role key to display name, in role order. */
    public Map<String, String> roles() {
        return names("personnel_role");
    }

    private Map<String, String> names(String table) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select key, name from " + table + " order by position, name")
                .query(rs -> {
                    names.put(rs.getString("key"), rs.getString("name"));
                });
        return names;
    }

    public List<Staffing.Target> targets() {
        return jdbc.sql("""
                        select t.level_key, t.role_key, t.minimum from personnel_staffing_target t
                        join personnel_role r on r.key = t.role_key order by t.level_key, r.position""")
                .query((rs, row) -> new Staffing.Target(rs.getString("level_key"), rs.getString("role_key"),
                        rs.getInt("minimum"))).list();
    }

    public void setTarget(Staffing.Target target) {
        jdbc.sql("""
                        insert into personnel_staffing_target (level_key, role_key, minimum) values (?, ?, ?)
                        on conflict (level_key, role_key) do update set minimum = excluded.minimum""")
                .params(target.levelKey(), target.roleKey(), target.minimum()).update();
    }

    public void removeTarget(String levelKey, String roleKey) {
        jdbc.sql("delete from personnel_staffing_target where level_key = ? and role_key = ?")
                .params(levelKey, roleKey).update();
    }
}
