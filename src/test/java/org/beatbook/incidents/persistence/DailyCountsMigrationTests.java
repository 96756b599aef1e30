package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V12 turns the daily counts' names into numbers: an installation upgrading keeps every count. Run in a schema of its
 * own, migrated to V11, given counts, then migrated on.
 */
@SpringBootTest
class DailyCountsMigrationTests {

    static final String SCHEMA = "daily_counts_migration";

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropTheSchema() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void everyCountKeepsItsUnitKindAndDay() {
        flyway("11").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String counts = "SELECT level || '|' || unit_code || '|' || day || '|' || category || '|' || offense || '|' "
                + "|| priority || '|' || sensitive || '|' || sum(n) FROM " + SCHEMA + ".%s "
                + "GROUP BY level, unit_code, day, category, offense, priority, sensitive ORDER BY 1";
        jdbc.sql("INSERT INTO " + SCHEMA + ".incident_daily VALUES "
                + "('city', 'all', '2015-01-31', 'persons', 'BATTERY', 'reducing-crime', false, 3), "
                + "('city', 'all', '2015-01-31', 'persons', 'BATTERY', 'reducing-crime', false, 2), "
                + "('district', '4', '2015-01-31', 'persons', 'BATTERY', 'reducing-crime', true, 1), "
                + "('beat', '0422', '2015-02-01', 'quality-of-life', 'NOISE', '', false, 7), "
                + "('area', 'North:East', '2015-02-01', 'quality-of-life', 'NOISE', '', false, 7)").update();
        List<String> before = jdbc.sql(counts.formatted("incident_daily")).query(String.class).list();

        flyway("latest").migrate();

        assertThat(jdbc.sql(counts.formatted("incident_daily_counts")).query(String.class).list())
                .containsExactlyElementsOf(before).hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".incident_daily").query(Long.class).single())
                .as("rows stay rows: a day's count is the sum of its rows").isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".incident_kinds").query(Long.class).single())
                .isEqualTo(3);
    }
}
