package org.beatbook.geocoding.domain;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.platform.NulCharacters;

/**
 * Reads the gazetteer's CSV inputs: OpenAddresses address points and any CSV with a hundred-block column.
 * A file without the needed columns is refused as a whole ({@link IllegalArgumentException}); a bad row is
 * rejected with its line number and the rest is read.
 */
public final class CsvFiles {

    /** The columns of the OpenAddresses layout that the gazetteer uses; the others may be present. */
    public static final List<String> OPEN_ADDRESSES_COLUMNS = List.of("LON", "LAT", "NUMBER", "STREET");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get();

    private CsvFiles() {
    }

    /**
     * Address points from an OpenAddresses CSV ({@code LON,LAT,NUMBER,STREET,UNIT,CITY,...}). Units of one
     * building share its point, so a repeated street and number is kept once.
     */
    public static AddressPointBatch openAddresses(AddressNormalizer normalizer, Reader csv) {
        try (CSVParser parser = FORMAT.parse(csv)) {
            requireColumns(parser, OPEN_ADDRESSES_COLUMNS, "the OpenAddresses layout");
            int read = 0;
            Map<String, KnownAddressPoint> points = new LinkedHashMap<>();
            List<String> rejected = new ArrayList<>();
            for (CSVRecord row : parser) {
                read++;
                String where = "line " + lineOf(row);
                try {
                    KnownAddressPoint point = addressPoint(normalizer, row);
                    points.putIfAbsent(point.street() + "|" + point.number(), point);
                }
                catch (IllegalArgumentException e) {
                    rejected.add(where + ": " + e.getMessage());
                }
            }
            return new AddressPointBatch(read, List.copyOf(points.values()), List.copyOf(rejected));
        }
        catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the CSV could not be read: " + e.getMessage(), e);
        }
    }

    private static KnownAddressPoint addressPoint(AddressNormalizer normalizer, CSVRecord row) {
        if (!row.isConsistent()) {
            throw new IllegalArgumentException("has " + row.size() + " fields, the header has "
                    + row.getParser().getHeaderNames().size());
        }
        // the normaliser would turn a NUL into a space and store a street the file does not name
        for (String column : OPEN_ADDRESSES_COLUMNS) {
            if (NulCharacters.in(row.get(column))) {
                throw new IllegalArgumentException(column + " " + NulCharacters.REASON);
            }
        }
        double lon = Coordinates.parse("LON", row.get("LON"));
        double lat = Coordinates.parse("LAT", row.get("LAT"));
        String problem = Coordinates.problem(lat, lon);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String number = row.get("NUMBER");
        ParsedAddress address = normalizer.parse(number + " " + row.get("STREET"));
        if (address.houseNumber() == null) {
            throw new IllegalArgumentException("NUMBER \"" + number + "\" is not a house number");
        }
        if (address.isEmpty()) {
            throw new IllegalArgumentException("STREET is empty");
        }
        return new KnownAddressPoint(address.street().text(), address.houseNumber(), new GeoPoint(lat, lon));
    }

    /**
     * Hundred-block sightings from any CSV: the named columns hold the block ({@code 013XX S SAWYER AVE}) and the
     * position, kept as text so that {@link SightingBatch} checks them. The whole file is read before returning.
     */
    public static List<LabelledSighting> blockSightings(Reader csv, String blockColumn, String latitudeColumn,
                                                        String longitudeColumn) {
        try (CSVParser parser = FORMAT.parse(csv)) {
            requireColumns(parser, List.of(blockColumn, latitudeColumn, longitudeColumn), "the options given");
            List<LabelledSighting> sightings = new ArrayList<>();
            for (CSVRecord row : parser) {
                sightings.add(new LabelledSighting("line " + lineOf(row), field(row, blockColumn),
                        field(row, latitudeColumn), field(row, longitudeColumn)));
            }
            return sightings;
        }
        catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the CSV could not be read: " + e.getMessage(), e);
        }
    }

    /** A short row lacks its last fields: they read as blank, and the checks say what is missing. */
    private static String field(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : "";
    }

    private static void requireColumns(CSVParser parser, List<String> columns, String what) {
        Set<String> present = new LinkedHashSet<>();
        parser.getHeaderNames().forEach(h -> present.add(h.toUpperCase(Locale.ROOT)));
        List<String> missing = columns.stream()
                .filter(c -> !present.contains(c.toUpperCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV header lacks the column(s) " + String.join(", ", missing)
                    + " needed by " + what + "; it has " + String.join(", ", parser.getHeaderNames()));
        }
    }

    /** The file line a row starts on: the header is line 1 (rows with line breaks inside quotes aside). */
    private static long lineOf(CSVRecord row) {
        return row.getRecordNumber() + 1;
    }
}
