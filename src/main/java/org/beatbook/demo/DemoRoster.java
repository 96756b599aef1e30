package org.beatbook.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beatbook.geography.UnitRef;

/**
 * A fictitious roster in the roster CSV format: two beat officers per beat and a commander per district.
 * Names are drawn deterministically from common given and family names; phones use the 555-01xx range reserved for
 * fiction and emails the reserved {@code .invalid} domain, so no real person can be reached.
 */
final class DemoRoster {

    static final String[] HEADER = {"badge", "given_name", "family_name", "rank", "email", "phone", "public_email",
            "public_phone", "languages", "sworn", "active", "role", "unit_level", "unit_code", "start_date", "end_date",
            "demo"};

    private static final String[] GIVEN = {"Maria", "James", "Aisha", "Daniel", "Mei", "Carlos", "Olivia", "Tomasz",
            "Grace", "Luis", "Fatima", "Michael", "Sofia", "Andre", "Hannah", "Jamal", "Ana", "Kevin", "Nadia", "Samuel",
            "Lucia", "Ethan", "Rosa", "Marcus", "Priya", "Victor", "Elena", "Darnell", "Yesenia", "Patrick", "Mariam"};
    private static final String[] FAMILY = {"Lopez", "Johnson", "Nowak", "Williams", "Chen", "Garcia", "Brown",
            "Kowalski", "Okafor", "Hernandez", "Patel", "Murphy", "Rivera", "Washington", "Kim", "Ramirez", "Davis",
            "Nguyen", "Jackson", "Morales", "O'Brien", "Ali", "Thompson", "Reyes", "Lewandowski", "Green", "Flores"};
    private static final String[] SECOND_LANGUAGE = {"", "es", "", "pl", "es", "zh", "", "ar", "es", "ko", "tl", ""};

    private DemoRoster() {
    }

    static String forChicago(List<UnitRef> beats, List<UnitRef> districts) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            int n = 0;
            for (UnitRef district : districts) {
                member(csv, n++, "commander", "district-commander", district, "2019-03-01");
            }
            for (UnitRef beat : beats) {
                member(csv, n++, "officer", "beat-officer", beat, "2021-06-01");
                member(csv, n++, n % 5 == 0 ? "sergeant" : "officer", "beat-officer", beat, "2023-01-15");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void member(CSVPrinter csv, int n, String rank, String role, UnitRef unit, String start)
            throws IOException {
        String given = GIVEN[n % GIVEN.length];
        String family = FAMILY[(n / GIVEN.length + n * 7) % FAMILY.length];
        String second = SECOND_LANGUAGE[n % SECOND_LANGUAGE.length];
        String languages = second.isEmpty() ? "en" : "en " + second;
        String email = (given + "." + family + "." + n).toLowerCase().replaceAll("[^a-z0-9.]", "") + "@demo.beatbook.invalid";
        String phone = String.format("312-555-01%02d", n % 100);
        csv.printRecord("D" + (10000 + n), given, family, rank, email, phone, "true", "true", languages, "true",
                "true", role, unit.level(), unit.code(), start, "", "true");
    }
}
