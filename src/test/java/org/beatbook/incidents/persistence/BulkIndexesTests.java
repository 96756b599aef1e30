package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Dropping and rebuilding a table's indexes for a bulk write, on tables of the test's own, rolled back. */
@SpringBootTest
class BulkIndexesTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyIndexAndKeyComesBackAsDeclaredAndOnlyAReferredKeyOrASmallPartialIndexStays() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("CREATE TABLE bulk_plain (id bigint PRIMARY KEY, code text UNIQUE, day date)");
                s.execute("CREATE INDEX bulk_plain_day ON bulk_plain (day) WHERE code IS NOT NULL");
                s.execute("CREATE INDEX bulk_plain_rare ON bulk_plain (day) WHERE code LIKE 'c1_'");
                s.execute("INSERT INTO bulk_plain SELECT g, 'c' || g, DATE '2015-01-01' + g FROM generate_series(1, 1000) g");
                s.execute("ANALYZE bulk_plain");
                s.execute("CREATE TABLE bulk_referred (id bigint PRIMARY KEY, code text UNIQUE)");
                s.execute("CREATE TABLE bulk_referring (referred bigint REFERENCES bulk_referred (id))");
                List<String> plain = indexes(s, "bulk_plain");
                List<String> referred = indexes(s, "bulk_referred");

                BulkIndexes.Dropped droppedPlain = BulkIndexes.drop(c, "bulk_plain");
                BulkIndexes.Dropped droppedReferred = BulkIndexes.drop(c, "bulk_referred");
                assertThat(indexes(s, "bulk_plain")).as("the primary key goes too; a partial index of few rows stays")
                        .containsExactly("CREATE INDEX bulk_plain_rare ON public.bulk_plain USING btree (day) WHERE "
                                + "(code ~~ 'c1_'::text)");
                assertThat(indexes(s, "bulk_referred")).as("the key a foreign key refers to stays")
                        .containsExactly("CREATE UNIQUE INDEX bulk_referred_pkey ON public.bulk_referred USING btree (id)");

                s.execute("INSERT INTO bulk_plain SELECT g, 'c' || g, DATE '2015-01-01' + g FROM generate_series(1001, 2000) g");
                droppedPlain.rebuild();
                droppedReferred.rebuild();
                assertThat(indexes(s, "bulk_plain")).isEqualTo(plain);
                assertThat(indexes(s, "bulk_referred")).isEqualTo(referred);
            }
            finally {
                c.rollback();
            }
        }
    }

    private static List<String> indexes(Statement s, String table) throws Exception {
        List<String> definitions = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '" + table
                + "' ORDER BY indexname")) {
            while (r.next()) {
                definitions.add(r.getString(1));
            }
        }
        return definitions;
    }
}
