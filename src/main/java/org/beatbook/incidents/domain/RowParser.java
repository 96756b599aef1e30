package org.beatbook.incidents.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.beatbook.platform.NulCharacters;

/**
 * Turns CSV records into {@link SourceRow}s by a profile, or says what is wrong with a row. Columns are resolved
 * once from the header, so a row costs only array access and parsing.
 */
public final class RowParser {

    /** A row that cannot be used, with the reason in the analyst's words. */
    public static final class RejectedRow extends Exception {
        public RejectedRow(String reason) {
            super(reason, null, false, false);
        }
    }

    private final MappingProfile profile;
    private final List<String> header;
    private final int id;
    private final int occurred;
    private final int code;
    private final int offense;
    private final int description;
    private final int address;
    private final int latitude;
    private final int longitude;
    private final int x;
    private final int y;
    /** Null when the profile has no x/y: built once per import, it is used in the row loop. */
    private final CoordinateProjection projection;
    private final int caseNumber;
    private final Map<String, Integer> units = new LinkedHashMap<>();
    private final List<Integer> flags = new ArrayList<>();
    /** The columns the profile reads, each once: only their values are checked, and a column nobody reads costs nothing. */
    private final int[] read;
    private final DateTimeFormatter formatter;
    private final FixedDateParser fixed;
    private final ZoneDays zoneDays;

    /** @throws IllegalArgumentException when the header lacks a column the profile names: the file is rejected whole */
    public RowParser(MappingProfile profile, List<String> header) {
        this.profile = profile;
        this.header = List.copyOf(header);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        java.util.function.Function<String, Integer> find = column -> {
            if (column == null) {
                return -1;
            }
            Integer at = positions.get(column.trim().toLowerCase(Locale.ROOT));
            if (at == null) {
                missing.add(column);
                return -1;
            }
            return at;
        };
        id = find.apply(profile.column("id"));
        occurred = find.apply(profile.column("occurred"));
        code = find.apply(profile.column("code"));
        offense = find.apply(profile.column("offense"));
        description = find.apply(profile.column("description"));
        address = find.apply(profile.column("address"));
        latitude = find.apply(profile.column("latitude"));
        longitude = find.apply(profile.column("longitude"));
        x = find.apply(profile.column("x"));
        y = find.apply(profile.column("y"));
        caseNumber = find.apply(profile.column("caseNumber"));
        profile.units().forEach((level, column) -> units.put(level, find.apply(column)));
        profile.sensitiveFlags().forEach(column -> flags.add(find.apply(column)));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The file does not match the profile \"" + profile.name()
                    + "\": missing column(s) " + String.join(", ", missing) + "; the header has "
                    + String.join(", ", header));
        }
        read = IntStream.concat(IntStream.of(id, occurred, code, offense,
                        description, address, latitude, longitude, x, y, caseNumber),
                Stream.concat(units.values().stream(), flags.stream()).mapToInt(Integer::intValue))
                .filter(at -> at >= 0).distinct().sorted().toArray();
        formatter = profile.formatter();
        fixed = formatter == null ? null : FixedDateParser.of(profile.dateFormat());
        zoneDays = new ZoneDays(profile.timeZone());
        projection = x >= 0 && y >= 0 ? CoordinateProjection.of(profile.projection()) : null;
    }

    /** The columns (indexes from 0) this parser reads: the others may be left empty. */
    public int[] readColumns() {
        return read.clone();
    }

    public SourceRow parse(long line, List<String> values) throws RejectedRow {
        if (values.size() != header.size()) {
            throw new RejectedRow("has " + values.size() + " columns, the header has " + header.size());
        }
        for (int k : read) {
            String value = values.get(k);
            if (value.indexOf('\uFFFD') >= 0) {
                throw new RejectedRow("column " + header.get(k) + " contains bytes that are not valid UTF-8");
            }
            // PostgreSQL text cannot hold a NUL: the value would be cut or refused, so the row is.
            if (NulCharacters.in(value)) {
                throw new RejectedRow("column " + header.get(k) + " " + NulCharacters.REASON);
            }
        }
        String sourceId = values.get(id).trim();
        if (sourceId.isEmpty()) {
            throw new RejectedRow("column " + profile.column("id") + " is empty");
        }
        LocalDateTime local = dateTime(values.get(occurred).trim());
        double lat = Double.NaN;
        double lon = Double.NaN;
        String latText = latitude < 0 ? "" : values.get(latitude).trim();
        String lonText = longitude < 0 ? "" : values.get(longitude).trim();
        if (!latText.isEmpty() || !lonText.isEmpty()) {
            lat = number(latText, "latitude", "latitude");
            lon = number(lonText, "longitude", "longitude");
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new RejectedRow("coordinates " + latText + ", " + lonText + " are out of range");
            }
            if (lat == 0 && lon == 0) {
                lat = Double.NaN;
                lon = Double.NaN;
            }
        }
        if (Double.isNaN(lat) && projection != null) {
            double[] converted = projected(values.get(x).trim(), values.get(y).trim());
            if (converted != null) {
                lat = converted[0];
                lon = converted[1];
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        units.forEach((level, at) -> {
            String label = values.get(at).trim();
            if (!label.isEmpty()) {
                labels.put(level, label);
            }
        });
        boolean flagged = false;
        for (int at : flags) {
            String flag = values.get(at).trim().toLowerCase(Locale.ROOT);
            flagged |= flag.equals("true") || flag.equals("yes") || flag.equals("y") || flag.equals("1");
        }
        return new SourceRow(line, sourceId, optional(caseNumber, values), zoneDays.instant(local),
                local.toLocalDate(), optional(code, values), optional(offense, values), optional(description, values),
                optional(address, values), lat, lon, labels, flagged);
    }

    private LocalDateTime dateTime(String text) throws RejectedRow {
        try {
            if (fixed != null) {
                return fixed.parse(text);
            }
            if (formatter != null) {
                return LocalDateTime.parse(text, formatter);
            }
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        }
        catch (DateTimeException e) {
            throw new RejectedRow("column " + profile.column("occurred") + ": \"" + text
                    + "\" is not a date in the format " + profile.dateFormat());
        }
    }

    private double number(String text, String field, String what) throws RejectedRow {
        try {
            return Decimals.parse(text);
        }
        catch (NumberFormatException e) {
            throw new RejectedRow("column " + profile.column(field) + ": \"" + text + "\" is not a " + what);
        }
    }

    /** Latitude/longitude from x/y, or null when x/y are missing (empty, or 0 as Chicago writes for unknown). */
    private double[] projected(String xText, String yText) throws RejectedRow {
        if (xText.isEmpty() && yText.isEmpty()) {
            return null;
        }
        double east = number(xText, "x", "projected coordinate");
        double north = number(yText, "y", "projected coordinate");
        if (east == 0 || north == 0) {
            return null;
        }
        try {
            return projection.toLatitudeLongitude(east, north);
        }
        catch (IllegalArgumentException e) {
            throw new RejectedRow("columns " + profile.column("x") + ", " + profile.column("y") + ": " + xText + ", "
                    + yText + " " + e.getMessage());
        }
    }

    private static String optional(int at, List<String> values) {
        if (at < 0) {
            return null;
        }
        String value = values.get(at).trim();
        return value.isEmpty() ? null : value;
    }
}
