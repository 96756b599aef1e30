package org.beatbook.security.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.beatbook.security.domain.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff accounts table. */
@Repository
public class StaffAccounts {

    private static final String COLUMNS = "id, username, password_hash, display_name, roles, enabled, created";

    private final JdbcClient jdbc;

    public StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from security_user where username = ?")
                .param(username).query(StaffAccounts::map).optional();
    }

    public Optional<StaffAccount> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from security_user where id = ?").param(id).query(StaffAccounts::map).optional();
    }

    public List<StaffAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from security_user order by username").query(StaffAccounts::map).list();
    }

    public boolean enabledAdminExists() {
        return countEnabledAdmins() > 0;
    }

    public int countEnabledAdmins() {
        return jdbc.sql("select count(*) from security_user where enabled and roles like '%ADMIN%'")
                .query(Integer.class).single();
    }

    public boolean exists(String username) {
        return jdbc.sql("select exists(select 1 from security_user where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    public long create(String username, String passwordHash, String displayName, Set<Role> roles) {
        return jdbc.sql("""
                        insert into security_user (username, password_hash, display_name, roles)
                        values (?, ?, ?, ?) returning id""")
                .params(username, passwordHash, displayName.trim(), encode(roles))
                .query(Long.class).single();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update security_user set enabled = ? where id = ?").params(enabled, id).update();
    }

    public void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("update security_user set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).forEach(roles::add);
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), roles, rs.getBoolean("enabled"),
                rs.getTimestamp("created").toInstant());
    }
}
