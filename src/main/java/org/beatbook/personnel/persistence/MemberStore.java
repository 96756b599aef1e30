package org.beatbook.personnel.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.beatbook.personnel.domain.Languages;
import org.beatbook.personnel.domain.Member;
import org.beatbook.personnel.domain.MemberData;
import org.beatbook.personnel.domain.Photo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members and their photos. */
@Repository
public class MemberStore {

    private static final String SELECT = """
            select m.id, m.badge, m.given_name, m.family_name, m.display_name, m.rank_key, m.email, m.phone,
                   m.public_email, m.public_phone, m.languages, m.sworn, m.active, m.demo, p.etag
            from personnel_member m left join personnel_photo p on p.member_id = m.id
            """;
    private static final String FIELDS = "badge, given_name, family_name, display_name, rank_key, email, phone, "
            + "public_email, public_phone, languages, sworn, active, demo";

    private final JdbcClient jdbc;

    public MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> byId(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(MemberStore::map).optional();
    }

    public Optional<Member> byBadge(String badge) {
        return jdbc.sql(SELECT + " where m.badge = ?").param(badge).query(MemberStore::map).optional();
    }

    /** Members whose name or badge contains the text, optionally only active or inactive ones, by family name. */
    public List<Member> search(String text, Boolean active, int limit) {
        String like = "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                         where (lower(m.display_name) like :like or lower(m.given_name || ' ' || m.family_name) like :like
                                or lower(m.badge) like :like)
                           and (cast(:active as boolean) is null or m.active = :active)
                         order by lower(m.family_name), lower(m.given_name), m.badge
                         limit :limit""")
                .param("like", like).param("active", active).param("limit", limit)
                .query(MemberStore::map).list();
    }

    public long insert(MemberData data) {
        return jdbc.sql("insert into personnel_member (" + FIELDS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?) returning id")
                .params(values(data)).query(Long.class).single();
    }

    /** Overwrites the member's fields; true when the member exists. */
    public boolean update(long id, MemberData data) {
        Object[] values = values(data);
        Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
        params[values.length] = id;
        return jdbc.sql("update personnel_member set (" + FIELDS + ", updated) = (?,?,?,?,?,?,?,?,?,?,?,?,?, now()) "
                + "where id = ?").params(params).update() == 1;
    }

    /**
     * Inserts the member or updates the one with the same badge.
     *
     * @return the member's id, negated when nothing changed (so callers can count real changes)
     */
    public long upsertByBadge(MemberData data) {
        Optional<Long> changed = jdbc.sql("insert into personnel_member (" + FIELDS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict (badge) do update set (" + FIELDS + ", updated) = "
                        + "(excluded.badge, excluded.given_name, excluded.family_name, excluded.display_name, "
                        + "excluded.rank_key, excluded.email, excluded.phone, excluded.public_email, "
                        + "excluded.public_phone, excluded.languages, excluded.sworn, excluded.active, excluded.demo, now()) "
                        + "where (personnel_member.given_name, personnel_member.family_name, personnel_member.display_name, "
                        + "personnel_member.rank_key, personnel_member.email, personnel_member.phone, "
                        + "personnel_member.public_email, personnel_member.public_phone, personnel_member.languages, "
                        + "personnel_member.sworn, personnel_member.active, personnel_member.demo) is distinct from "
                        + "(excluded.given_name, excluded.family_name, excluded.display_name, excluded.rank_key, "
                        + "excluded.email, excluded.phone, excluded.public_email, excluded.public_phone, "
                        + "excluded.languages, excluded.sworn, excluded.active, excluded.demo) returning id")
                .params(values(data)).query(Long.class).optional();
        return changed.orElseGet(() -> -byBadge(data.badge()).orElseThrow().id());
    }

    /** Serialises changes to one member's assignments (overlap checks read, then write). */
    public boolean lock(long id) {
        return jdbc.sql("select id from personnel_member where id = ? for update").param(id).query(Long.class)
                .optional().isPresent();
    }

    public void savePhoto(long memberId, Photo photo) {
        jdbc.sql("""
                        insert into personnel_photo (member_id, large, small, etag) values (?, ?, ?, ?)
                        on conflict (member_id) do update set large = excluded.large, small = excluded.small,
                            etag = excluded.etag, updated = now()""")
                .params(memberId, photo.large(), photo.small(), photo.etag()).update();
    }

    /** One size of the photo and its ETag. */
    public record StoredPhoto(byte[] bytes, String etag) {
    }

    public Optional<StoredPhoto> photo(long memberId, boolean small) {
        return jdbc.sql("select " + (small ? "small" : "large") + " as bytes, etag from personnel_photo where member_id = ?")
                .param(memberId)
                .query((rs, row) -> new StoredPhoto(rs.getBytes("bytes"), rs.getString("etag"))).optional();
    }

    private static Object[] values(MemberData d) {
        return new Object[] {d.badge(), d.givenName(), d.familyName(), d.displayName(), d.rankKey(), d.email(),
                d.phone(), d.publicEmail(), d.publicPhone(), Languages.join(d.languages()), d.sworn(), d.active(),
                d.demo()};
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        MemberData data = new MemberData(rs.getString("badge"), rs.getString("given_name"), rs.getString("family_name"),
                rs.getString("display_name"), rs.getString("rank_key"), rs.getString("email"), rs.getString("phone"),
                rs.getBoolean("public_email"), rs.getBoolean("public_phone"), Languages.split(rs.getString("languages")),
                rs.getBoolean("sworn"), rs.getBoolean("active"), rs.getBoolean("demo"));
        return new Member(rs.getLong("id"), data, rs.getString("etag"));
    }
}
