package org.beatbook.newsletters;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.beatbook.engagement.ListLinks;
import org.beatbook.engagement.Recipient;
import org.beatbook.engagement.SubscriberDirectory;
import org.beatbook.geography.UnitKey;
import org.beatbook.platform.Department;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the engagement module's directory in newsletter tests and the benchmark: confirmed subscribers in
 * a table the test fills, read page by page like the real one. {@code @Primary}, so it still wins once the real
 * directory is merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSubscribers {

    @Bean
    @Primary
    TableSubscriberDirectory tableSubscriberDirectory(JdbcClient jdbc, Department department) {
        return new TableSubscriberDirectory(jdbc, department);
    }

    public static class TableSubscriberDirectory implements SubscriberDirectory {

        private static final int PAGE = 1000;
        private final JdbcClient jdbc;
        private final Department department;

        TableSubscriberDirectory(JdbcClient jdbc, Department department) {
            this.jdbc = jdbc;
            this.department = department;
            jdbc.sql("""
                    create table if not exists test_subscriber (
                        id bigserial primary key, email text not null, name text not null, language text not null,
                        unit_level text not null, unit_code text not null, bounces int not null default 0)""").update();
            jdbc.sql("create index if not exists test_subscriber_unit_idx on test_subscriber (unit_level, unit_code, id)").update();
        }

        public long add(String email, String language, UnitKey unit) {
            return jdbc.sql("insert into test_subscriber (email, name, language, unit_level, unit_code) values (?, ?, ?, ?, ?) returning id")
                    .params(email, "Resident " + email, language, unit.level(), unit.code()).query(Long.class).single();
        }

        /** Adds {@code count} generated subscribers in one statement (for the benchmark). */
        public void generate(int count, String language, UnitKey unit) {
            jdbc.sql("""
                    insert into test_subscriber (email, name, language, unit_level, unit_code)
                    select 'resident' || n || '@example.invalid', 'Resident ' || n, ?, ?, ? from generate_series(1, ?) n""")
                    .params(language, unit.level(), unit.code(), count).update();
        }

        public int bounces(long id) {
            return jdbc.sql("select bounces from test_subscriber where id = ?").param(id).query(Integer.class).single();
        }

        @Override
        public void forEachRecipient(Collection<UnitKey> units, Consumer<Recipient> action) {
            // as the engagement module reads its list: one unit at a time, pages by id on a (unit, id) index
            for (UnitKey unit : units) {
                long after = 0;
                while (true) {
                    List<Recipient> page = jdbc.sql("""
                                    select id, email, name, language, unit_level, unit_code from test_subscriber
                                    where unit_level = ? and unit_code = ? and id > ? and bounces < 3 order by id limit ?""")
                            .params(unit.level(), unit.code(), after, PAGE)
                            .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    new UnitKey(rs.getString(5), rs.getString(6))))
                            .list();
                    page.forEach(action);
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = page.get(page.size() - 1).subscriberId();
                }
            }
        }

        @Override
        public long countRecipients(Collection<UnitKey> units) {
            long[] count = {0};
            forEachRecipient(units, r -> count[0]++);
            return count[0];
        }

        @Override
        public ListLinks linksFor(long subscriberId) {
            return new ListLinks(department.link("/subscriptions/unsubscribe?s=" + subscriberId),
                    department.link("/subscriptions/one-click?s=" + subscriberId),
                    "mailto:unsubscribe@beatbook.invalid?subject=unsubscribe-" + subscriberId,
                    department.link("/subscriptions/preferences?s=" + subscriberId));
        }

        @Override
        public void recordHardBounce(long subscriberId) {
            jdbc.sql("update test_subscriber set bounces = bounces + 1 where id = ?").param(subscriberId).update();
        }
    }
}
