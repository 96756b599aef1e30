package org.beatbook.personnel.domain;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.geography.UnitKey;
import org.beatbook.platform.NulCharacters;

/**
 * Reads and checks a roster CSV (one row per assignment; a member's fields repeat on each of its rows) without
 * touching any storage, so that every error in the file is found before anything is written. The format is
 * described in docs/roster-format.md.
 */
public final class RosterReader {

    public static final List<String> MEMBER_COLUMNS = List.of("badge", "given_name", "family_name", "display_name",
            "rank", "email", "phone", "public_email", "public_phone", "languages", "sworn", "active", "demo");
    public static final List<String> ASSIGNMENT_COLUMNS = List.of("role", "unit_level", "unit_code", "start_date",
            "end_date");
    private static final List<String> REQUIRED = List.of("badge", "given_name", "family_name", "rank");
    /** Enough to fix a file by; a file with more errors is usually the wrong file. */
    private static final int MAX_ERRORS = 200;

    private final Set<String> ranks;
    private final Set<String> roles;
    private final Predicate<String> levelExists;
    private final Predicate<UnitKey> unitExists;

    public RosterReader(Set<String> ranks, Set<String> roles, Predicate<String> levelExists,
                        Predicate<UnitKey> unitExists) {
        this.ranks = ranks;
        this.roles = roles;
        this.levelExists = levelExists;
        this.unitExists = unitExists;
    }

    public Roster read(Reader csv) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Roster.Member> members = new LinkedHashMap<>();
        Map<String, Map<String, Object>> memberValues = new HashMap<>();
        List<Roster.Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = format.parse(csv)) {
            Map<String, String> columns = checkHeader(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                return new Roster(List.of(), List.of(), errors);
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                Cells cells = new Cells(record, columns, line, errors);
                if (!cells.holdNul()) {
                    readRow(cells, line, members, memberValues, rows, errors);
                }
                if (errors.size() >= MAX_ERRORS) {
                    errors.add(new RowError(line, Violation.of("", "tooManyErrors", MAX_ERRORS)));
                    break;
                }
            }
        }
        catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException malformed) {
            errors.add(new RowError(0, Violation.of("", "malformed", String.valueOf(malformed.getMessage()))));
        }
        if (members.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, Violation.of("", "empty")));
        }
        return errors.isEmpty() ? new Roster(List.copyOf(members.values()), rows, List.of())
                : new Roster(List.of(), List.of(), errors);
    }

    /** Maps lower-case column names to the file's header names; reports missing and unknown columns on line 1. */
    private static Map<String, String> checkHeader(List<String> header, List<RowError> errors) {
        Map<String, String> columns = new HashMap<>();
        for (String name : header) {
            String normalized = name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            if (!MEMBER_COLUMNS.contains(normalized) && !ASSIGNMENT_COLUMNS.contains(normalized)) {
                errors.add(new RowError(1, Violation.of(name, "unknownColumn", name)));
            }
            columns.put(normalized, name);
        }
        REQUIRED.stream().filter(c -> !columns.containsKey(c))
                .forEach(c -> errors.add(new RowError(1, Violation.of(c, "missingColumn", c))));
        return columns;
    }

    private void readRow(Cells cells, int line, Map<String, Roster.Member> members,
                         Map<String, Map<String, Object>> memberValues, List<Roster.Row> rows, List<RowError> errors) {
        int errorsBefore = errors.size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : MEMBER_COLUMNS) {
            values.put(column, switch (column) {
                case "public_email", "public_phone", "demo" -> cells.bool(column, false);
                case "sworn", "active" -> cells.bool(column, true);
                case "languages" -> Languages.split(cells.text(column));
                default -> cells.text(column);
            });
        }
        MemberData data = new MemberData((String) values.get("badge"), (String) values.get("given_name"),
                (String) values.get("family_name"), (String) values.get("display_name"), (String) values.get("rank"),
                (String) values.get("email"), (String) values.get("phone"), (Boolean) values.get("public_email"),
                (Boolean) values.get("public_phone"), castList(values.get("languages")), (Boolean) values.get("sworn"),
                (Boolean) values.get("active"), (Boolean) values.get("demo"));
        data.check(ranks).forEach(v -> errors.add(new RowError(line, Violation.of(column(v.field()), v.code(),
                v.args().toArray()))));

        String badge = data.badge();
        Map<String, Object> earlier = memberValues.get(badge);
        if (earlier == null) {
            memberValues.put(badge, values);
            members.put(badge, new Roster.Member(line, data));
        }
        else {
            int firstLine = members.get(badge).line();
            values.forEach((column, value) -> {
                if (!value.equals(earlier.get(column))) {
                    errors.add(new RowError(line, Violation.of(column, "conflict", value, firstLine, badge,
                            earlier.get(column))));
                }
            });
        }
        readAssignment(cells, line, badge, rows, errors, errors.size() > errorsBefore);
    }

    private void readAssignment(Cells cells, int line, String badge, List<Roster.Row> rows, List<RowError> errors,
                                boolean memberBroken) {
        if (ASSIGNMENT_COLUMNS.stream().allMatch(c -> cells.text(c).isEmpty())) {
            return; // a member without an assignment on this row
        }
        int errorsBefore = errors.size();
        String role = cells.required("role");
        if (!role.isEmpty() && !roles.contains(role)) {
            errors.add(new RowError(line, Violation.of("role", "role", role, String.join(", ", roles))));
        }
        String level = cells.required("unit_level");
        String code = cells.required("unit_code");
        UnitKey unit = new UnitKey(level, code);
        if (!level.isEmpty() && !levelExists.test(level)) {
            errors.add(new RowError(line, Violation.of("unit_level", "level", level)));
        }
        else if (!level.isEmpty() && !code.isEmpty() && !unitExists.test(unit)) {
            errors.add(new RowError(line, Violation.of("unit_code", "unit", level, code)));
        }
        LocalDate start = cells.date("start_date", true);
        LocalDate end = cells.date("end_date", false);
        if (errors.size() > errorsBefore || memberBroken) {
            return;
        }
        Roster.Row row = new Roster.Row(line, badge, role, unit, start, end);
        List<Assignment> earlier = rows.stream().filter(r -> r.badge().equals(badge))
                .map(r -> r.toAssignment(0)).toList();
        AssignmentRules.checkNew(row.toAssignment(0), earlier).forEach(v -> errors.add(new RowError(line,
                Violation.of(v.field().equals("end") ? "end_date" : "start_date", v.code(), v.args().toArray()))));
        if (errors.size() == errorsBefore) {
            rows.add(row);
        }
    }

    /** The CSV column a member field is read from, for error messages. */
    private static String column(String field) {
        return switch (field) {
            case "givenName" -> "given_name";
            case "familyName" -> "family_name";
            case "displayName" -> "display_name";
            case "publicEmail" -> "public_email";
            case "publicPhone" -> "public_phone";
            default -> field;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    /** The cells of one row, read by column name, with conversion errors reported against the row. */
    private record Cells(CSVRecord record, Map<String, String> columns, int line, List<RowError> errors) {

        String text(String column) {
            String header = columns.get(column);
            return header != null && record.isSet(header) ? record.get(header).trim() : "";
        }

        /**
         * Reports each cell holding a NUL: PostgreSQL text cannot store one, and the failed insert would name
         * neither line nor column. Such a row is not read further, so its other checks do not repeat the value.
         */
        boolean holdNul() {
            List<String> header = record.getParser().getHeaderNames();
            boolean found = false;
            for (int i = 0; i < record.size(); i++) {
                if (NulCharacters.in(record.get(i))) {
                    errors.add(new RowError(line, Violation.of(i < header.size() ? header.get(i) : "", "nul")));
                    found = true;
                }
            }
            return found;
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                errors.add(new RowError(line, Violation.of(column, "required", column)));
            }
            return value;
        }

        boolean bool(String column, boolean absent) {
            String value = text(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" -> absent;
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    errors.add(new RowError(line, Violation.of(column, "boolean", value)));
                    yield absent;
                }
            };
        }

        LocalDate date(String column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException e) {
                errors.add(new RowError(line, Violation.of(column, "date", value)));
                return null;
            }
        }
    }
}
