package org.beatbook.incidents.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one source's CSV export is laid out: which column holds what, the date format and time zone, and the source's
 * own unit labels per level. Only {@code id} and {@code occurred} are required, plus a location (latitude and
 * longitude, projected x and y with their projection, or an address).
 *
 * @param source the records system the ids come from: re-imports update rows by (source, id)
 * @param classification the scheme of the code-to-category table to use
 * @param columns logical field -> CSV column: id, occurred, code, offense, description, address, latitude,
 *                longitude, caseNumber, x, y
 * @param projection the coordinate system of x/y as an authority code, e.g. EPSG:3435; x/y are converted to
 *                   latitude/longitude for rows that have no latitude/longitude
 * @param dateFormat a {@link DateTimeFormatter} pattern, or {@code ISO} for ISO-8601 local date-times or dates
 * @param units unit level key -> CSV column with the source's own label for that level
 * @param sensitiveFlags columns that mark a row as sensitive when they say true/yes/y/1
 */
public record MappingProfile(String name, String description, String source, String classification, char delimiter,
                             Map<String, String> columns, String projection, String dateFormat, ZoneId timeZone,
                             Map<String, String> units, List<String> sensitiveFlags) {

    public static final List<String> FIELDS = List.of("id", "occurred", "code", "offense", "description", "address",
            "latitude", "longitude", "caseNumber", "x", "y");

    public MappingProfile {
        columns = Map.copyOf(columns);
        units = Map.copyOf(units);
        sensitiveFlags = List.copyOf(sensitiveFlags);
    }

    public String column(String field) {
        return columns.get(field);
    }

    public DateTimeFormatter formatter() {
        return "ISO".equalsIgnoreCase(dateFormat) ? null : DateTimeFormatter.ofPattern(dateFormat, Locale.US);
    }

    /** What is wrong with the profile itself, empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add("name must be 1-40 lower-case letters, digits or dashes");
        }
        if (source == null || source.isBlank()) {
            problems.add("source is required");
        }
        if (classification == null || classification.isBlank()) {
            problems.add("classification is required");
        }
        for (String required : List.of("id", "occurred")) {
            if (column(required) == null || column(required).isBlank()) {
                problems.add("columns." + required + " is required");
            }
        }
        boolean coordinates = column("latitude") != null && column("longitude") != null;
        boolean projected = column("x") != null && column("y") != null;
        if (!coordinates && !projected && column("address") == null) {
            problems.add("columns need latitude and longitude, x and y with a projection, or an address");
        }
        if ((column("x") == null) != (column("y") == null)) {
            problems.add("columns.x and columns.y go together");
        }
        if (projected && (projection == null || projection.isBlank())) {
            problems.add("projection is required with columns x and y, e.g. EPSG:3435");
        }
        if (projection != null && !projection.isBlank()) {
            try {
                CoordinateProjection.check(projection);
            }
            catch (IllegalArgumentException e) {
                problems.add("projection " + e.getMessage());
            }
        }
        columns.keySet().stream().filter(k -> !FIELDS.contains(k))
                .forEach(k -> problems.add("columns." + k + " is not a known field (" + String.join(", ", FIELDS) + ")"));
        if (dateFormat == null || dateFormat.isBlank()) {
            problems.add("dateFormat is required");
        }
        else if (!"ISO".equalsIgnoreCase(dateFormat)) {
            try {
                DateTimeFormatter.ofPattern(dateFormat, Locale.US);
            }
            catch (IllegalArgumentException e) {
                problems.add("dateFormat \"" + dateFormat + "\" is not a valid pattern: " + e.getMessage());
            }
        }
        if (timeZone == null) {
            problems.add("timeZone is required, e.g. America/Chicago");
        }
        return problems;
    }
}
