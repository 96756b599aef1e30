package org.beatbook.incidents.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
                .number(42L).number(Double.NaN).number(41.5).flag(true).date(LocalDate.of(2015, 2, 8))
                .endRow();
        assertThat(taken(rows)).isEqualTo("013XX S SAWYER AVE\t\\N\ttab\\there, new\\nline, back\\\\slash\\r\t42\t\\N\t"
                + "41.5\tt\t2015-02-08\n");
        assertThat(rows.isEmpty()).isTrue();
    }

    @Test
    void datesAndInstantsAreWrittenInTheirIsoForms() {
        CopyText rows = new CopyText().date(LocalDate.of(7, 1, 9)).date(LocalDate.of(12345, 6, 7))
                .instant(Instant.parse("2015-02-08T23:05:09Z")).instant(Instant.parse("0999-10-01T00:00:00.000120Z"))
                .endRow();
        assertThat(taken(rows)).isEqualTo("0007-01-09\t+12345-06-07\t2015-02-08T23:05:09Z\t"
                + "0999-10-01T00:00:00.000120000Z\n");
        // Every year from 0 to 9999, at all sorts of times of day: each reads back as what was written.
        for (long k = 0; k < 20_000; k++) {
            Instant at = Instant.ofEpochSecond(-62_167_219_200L + k * 15_778_476L + k * 7_919 % 86_400,
                    k % 3 == 0 ? 0 : k * 37_123L % 1_000_000_000L);
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400));
            String[] written = taken(new CopyText().instant(at).date(day).endRow()).strip().split("\t");
            assertThat(Instant.parse(written[0])).isEqualTo(at);
            assertThat(LocalDate.parse(written[1])).isEqualTo(day);
        }
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
