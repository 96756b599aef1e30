package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** COPY text format as PostgreSQL reads it: tab-separated, backslash escapes, \N for NULL. */
class CopyTextTests {

    String taken(CopyText rows) {
        return new String(rows.take(), StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreEscapedOnlyWhereTheyMustBe() {
        CopyText rows = new CopyText().text("013XX S SAWYER AVE").text(null).text("tab\there, new\nline, back\\slash\r")
                .number(42L).number(Double.NaN).number(41.5).flag(true).literal(java.time.LocalDate.of(2015, 2, 8))
                .endRow();
        assertThat(taken(rows)).isEqualTo("013XX S SAWYER AVE\t\\N\ttab\\there, new\\nline, back\\\\slash\\r\t42\t\\N\t"
                + "41.5\tt\t2015-02-08\n");
        assertThat(rows.isEmpty()).isTrue();
    }

    @Test
    void arraysQuoteEveryElementAndComeOutTheSameEveryTime() {
        CopyText rows = new CopyText();
        List<String> path = List.of("district:4", "beat:\"04 22\"", "sector:a\\b");
        rows.array(path).endRow().array(List.copyOf(path)).array(List.of()).endRow();
        String expected = "{\"district:4\",\"beat:\\\\\"04 22\\\\\"\",\"sector:a\\\\\\\\b\"}";
        assertThat(taken(rows)).isEqualTo(expected + "\n" + expected + "\t{}\n");
    }
}
