package org.beatbook.incidents;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** The raw Chicago crimes file, read independently of the importer, for checking its numbers. */
public final class ChicagoCrimes {

    static final String FILE = "demo/chicago/crimes-2015-01.csv";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    private ChicagoCrimes() {
    }

    public static List<CSVRecord> rows() {
        try (Reader in = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate day(CSVRecord row) {
        return LocalDateTime.parse(row.get("Date"), DATE).toLocalDate();
    }

    /** Chicago beats carry their district in the first two digits: beat 0422 is in district 4. */
    static String district(CSVRecord row) {
        return Integer.toString(Integer.parseInt(row.get("Beat").substring(0, 2)));
    }

    static byte[] bytes() {
        try {
            return new ClassPathResource(FILE).getContentAsByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
