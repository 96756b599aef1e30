package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents name their unit lists by a key that Java and the database compute alike (migration V13). */
@SpringBootTest
class UnitListsTests {

    static final String SCHEMA = "unit_lists_migration";

    static final List<List<String>> LISTS = List.of(List.of(), List.of("district:4", "sector:42", "beat:0422"),
            List.of("district:004", "beat:0422"), List.of("area:North:East"), List.of("beat:Ñuñoa", "zone:東"),
            List.of("beat:0422", "district:4"), List.of("a", ""), List.of("", "a"));

    @Autowired
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        jdbc.sql("DELETE FROM incident_unit_lists WHERE units = ARRAY['beat:test']").update();
    }

    @Test
    void javaAndTheDatabaseGiveEveryListTheSameKeyAndDifferentListsDifferentKeys() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (List<String> units : LISTS) {
            assertThat(jdbc.sql("SELECT incident_unit_list_key(?::text[])")
                    .param(units.toArray(String[]::new)).query(Long.class).single())
                    .as("%s", units).isEqualTo(UnitLists.key(units));
        }
        assertThat(LISTS.stream().map(UnitLists::key).distinct()).hasSize(LISTS.size());
    }

    @Test
    void listsAreStoredOnceAndAListUnderAnotherListsKeyRefusesTheImport() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            UnitLists lists = new UnitLists();
            long key = lists.keyOf(List.of("beat:test"));
            lists.store(connection);
            lists.store(connection);
            assertThat(jdbc.sql("SELECT count(*) FROM incident_unit_lists WHERE key = ?").param(key)
                    .query(Long.class).single()).isEqualTo(1);

            jdbc.sql("UPDATE incident_unit_lists SET units = ARRAY['beat:other'] WHERE key = ?").param(key).update();
            assertThatThrownBy(() -> lists.store(connection)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Two unit lists have the key " + key).hasMessageContaining("beat:other");
            jdbc.sql("DELETE FROM incident_unit_lists WHERE key = ?").param(key).update();
        }
    }

    /** An installation upgrading keeps every incident's unit path and source labels. */
    @Test
    void theMigrationKeepsEveryIncidentsLists() {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").target("12")
                .load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String insert = "INSERT INTO " + SCHEMA + ".incidents (source, source_id, occurred_at, occurred_on, category, "
                + "offense, sensitive, unit_path, source_units, import_id) VALUES ('chicago', ?, now(), "
                + "current_date, 'other', 'Noise', false, ?::text[], ?::text[], 1)";
        for (int k = 0; k < LISTS.size(); k++) {
            jdbc.sql(insert).params(Integer.toString(k), LISTS.get(k).toArray(String[]::new),
                    LISTS.get((k + 1) % LISTS.size()).toArray(String[]::new)).update();
        }
        String lists = "SELECT source_id || ' ' || unit_path::text || ' ' || source_units::text FROM " + SCHEMA
                + ".%s ORDER BY source_id";
        List<String> before = jdbc.sql(lists.formatted("incidents")).query(String.class).list();

        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load()
                .migrate();

        assertThat(jdbc.sql(lists.formatted("incidents_with_units")).query(String.class).list())
                .containsExactlyElementsOf(before).hasSize(LISTS.size());
        assertThat(jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".incident_unit_lists").query(Long.class).single())
                .isEqualTo(LISTS.size());
    }
}
