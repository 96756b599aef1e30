package org.beatbook.incidents.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.junit.jupiter.api.Test;

class ReadColumnsTests {

    static List<ReadColumns.Record> read(String csv, int... columns) {
        ReadColumns handler = new ReadColumns();
        List<ReadColumns.Record> records = new ArrayList<>();
        try (CsvReader<ReadColumns.Record> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .build(handler, csv)) {
            Iterator<ReadColumns.Record> it = reader.iterator();
            records.add(it.next());
            handler.readOnly(columns);
            it.forEachRemaining(records::add);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return records;
    }

    @Test
    void theHeaderIsReadWholeAndThenOnlyTheColumnsAsked() {
        List<ReadColumns.Record> records = read("""
                ID,Block,Location,Description
                1,"013XX S SAWYER AVE","(41.8, -87.7)","SAY ""HI"", TWICE"
                2,"multi
                line",x,y,extra
                3
                """, 0, 3);
        assertThat(records).extracting(ReadColumns.Record::fields).containsExactly(
                List.of("ID", "Block", "Location", "Description"),
                List.of("1", "", "", "SAY \"HI\", TWICE"),
                List.of("2", "", "", "y", ""),
                List.of("3"));
        assertThat(records).extracting(ReadColumns.Record::line).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void aRecordWithTooManyFieldsIsRefusedAsCsvFastCsvsOwnHandlerWould() {
        String wide = "a\n" + ",".repeat(ReadColumns.MAX_FIELDS) + "\n";
        assertThatThrownBy(() -> read(wide, 0)).isInstanceOf(CsvParseException.class)
                .hasMessageContaining("line 2").hasMessageContaining("more than 16384 fields");
    }
}
