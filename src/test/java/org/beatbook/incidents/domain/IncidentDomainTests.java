package org.beatbook.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.junit.jupiter.api.Test;

class IncidentDomainTests {

    static final String CHICAGO_HEADER = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,"
            + "Arrest,Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,"
            + "Latitude,Longitude,Location";

    static MappingProfile chicago() throws Exception {
        return ProfileReader.read(new String(IncidentDomainTests.class.getResourceAsStream(
                "/incidents/profiles/chicago.yaml").readAllBytes()));
    }

    @Test
    void hundredBlocksNeverKeepAHouseNumber() {
        assertThat(HundredBlock.of("1340 S SAWYER AVE")).isEqualTo("013XX S SAWYER AVE");
        assertThat(HundredBlock.of("013XX S SAWYER AVE")).isEqualTo("013XX S SAWYER AVE");
        assertThat(HundredBlock.of("7 W MADISON ST")).isEqualTo("000XX W MADISON ST");
        assertThat(HundredBlock.of("  12345  N   Ashland  ")).isEqualTo("123XX N Ashland");
        assertThat(HundredBlock.of("STATE ST & MADISON ST")).isEqualTo("STATE ST & MADISON ST");
        assertThat(HundredBlock.of("APT 4 1340 S SAWYER")).isNull();
        assertThat(HundredBlock.firstNumber("013XX S SAWYER AVE")).isEqualTo(1300);
    }

    @Test
    void publicPointsAreDeterministicAlongTheBlockAndNeverTheSourcePoint() {
        PrivacyPolicy policy = new PrivacyPolicy(90, "secret", Set.of("Stalking"), 3);
        double[] line = {41.8650, -87.7063, 41.8632, -87.7063};
        double[] a = policy.publicPoint("chicago:1", "013XX S SAWYER AVE", 41.8640, -87.7063, line);
        double[] b = policy.publicPoint("chicago:1", "013XX S SAWYER AVE", 41.8640, -87.7063, line);
        assertThat(a).containsExactly(b);
        assertThat(a[1]).isEqualTo(-87.7063);
        assertThat(a[0]).isBetween(41.8632, 41.8650).isNotEqualTo(41.8640);
        double[] other = new PrivacyPolicy(90, "another secret", Set.of(), 3)
                .publicPoint("chicago:1", "013XX S SAWYER AVE", 41.8640, -87.7063, line);
        assertThat(other).isNotEqualTo(a);
        // Unknown block: moved along the street's axis (S SAWYER runs north-south), at least 20 m.
        double[] fallback = policy.publicPoint("chicago:2", "013XX S SAWYER AVE", 41.8640, -87.7063, null);
        assertThat(fallback[1]).isEqualTo(-87.7063);
        assertThat(PrivacyPolicy.distanceMeters(41.8640, -87.7063, fallback[0], fallback[1])).isBetween(19.0, 101.0);
        assertThat(policy.isSensitive(false, "stalking")).isTrue();
        assertThat(policy.publicSensitiveCount(2)).isNull();
        assertThat(policy.publicSensitiveCount(0)).isZero();
        assertThat(policy.publicSensitiveCount(3)).isEqualTo(3);
        assertThatThrownBy(() -> new PrivacyPolicy(90, " ", Set.of(), 3)).hasMessageContaining("secret");
    }

    @Test
    void codesWinOverTextsAndUnknownOffensesAreOther() {
        Classifier classifier = new Classifier(List.of(
                new Classification("BATTERY", IncidentCategory.PERSONS, "Battery", ServicePriority.REDUCING_CRIME, false),
                new Classification("0486", IncidentCategory.PERSONS, "Domestic battery", ServicePriority.REDUCING_CRIME, true)));
        assertThat(classifier.classify("0486", "BATTERY", "DOMESTIC BATTERY SIMPLE").sensitive()).isTrue();
        assertThat(classifier.classify("0460", "battery", null).offense()).isEqualTo("Battery");
        Classification unknown = classifier.classify("9999", "PIRACY", null);
        assertThat(unknown.category()).isEqualTo(IncidentCategory.OTHER);
        assertThat(unknown.offense()).isEqualTo("Piracy");
        assertThat(unknown.priority()).isNull();
    }

    @Test
    void rowsAreParsedByTheProfileAndBadOnesSayWhy() throws Exception {
        RowParser parser = new RowParser(chicago(), List.of(CHICAGO_HEADER.split(",")));
        List<String> row = List.of("9955810", "HY144797", "02/08/2015 11:43:40 PM", "081XX S COLES AVE", "1811",
                "NARCOTICS", "POSS: CANNABIS 30GMS OR LESS", "STREET", "true", "false", "0422", "004", "7", "46", "18",
                "1198273", "1851626", "2015", "02/15/2015 12:43:39 PM", "41.747693646", "-87.549035389", "(x)");
        SourceRow parsed = parser.parse(2, row);
        assertThat(parsed.occurredOn()).isEqualTo(LocalDate.of(2015, 2, 8));
        assertThat(parsed.occurredAt().toString()).isEqualTo("2015-02-09T05:43:40Z");
        assertThat(parsed.sourceUnits()).containsEntry("beat", "0422").containsEntry("district", "004");
        assertThat(parsed.flaggedSensitive()).isFalse();
        var bad = new java.util.ArrayList<>(row);
        bad.set(19, "north");
        assertThatThrownBy(() -> parser.parse(3, bad)).hasMessageContaining("Latitude").hasMessageContaining("north");
        assertThatThrownBy(() -> parser.parse(4, row.subList(0, 5))).hasMessageContaining("5 columns");
        // Bad bytes and NULs cost the row in a column the profile reads, not in one it leaves unread.
        var undecodable = new java.util.ArrayList<>(row);
        undecodable.set(3, "081XX S C\uFFFDLES AVE");
        assertThatThrownBy(() -> parser.parse(5, undecodable))
                .hasMessage("column Block contains bytes that are not valid UTF-8");
        var nul = new java.util.ArrayList<>(row);
        nul.set(1, "HY\u0000144797");
        assertThatThrownBy(() -> parser.parse(6, nul)).hasMessageStartingWith("column Case Number contains a NUL");
        var unread = new java.util.ArrayList<>(row);
        unread.set(7, "STR\uFFFDET");
        unread.set(18, "02/15/2015\u0000");
        assertThat(parser.parse(7, unread).sourceId()).isEqualTo("9955810");
        assertThatThrownBy(() -> new RowParser(chicago(), List.of("ID", "Date")))
                .hasMessageContaining("missing column(s)").hasMessageContaining("IUCR");
    }

    @Test
    void profilesWithProblemsAreRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> ProfileReader.read("name: x\ntimeZone: Mars/Olympus\ncolumns: {foo: bar}\n"))
                .hasMessageContaining("timeZone").hasMessageContaining("columns.id is required")
                .hasMessageContaining("columns.foo is not a known field").hasMessageContaining("source is required");
        assertThatThrownBy(() -> ProfileReader.read("[1, 2")).hasMessageContaining("not valid YAML");
    }

    @Test
    void hotSpotsAreCellsAboveMeanPlusTwoStandardDeviations() {
        List<HotSpots.Bin> bins = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            bins.add(new HotSpots.Bin(k, 0, 2));
        }
        bins.add(new HotSpots.Bin(100, 100, 30));
        List<HotSpots.Cell> cells = HotSpots.cells(bins, 0.01, 0.01);
        assertThat(cells.stream().filter(HotSpots.Cell::hot)).singleElement()
                .extracting(HotSpots.Cell::count).isEqualTo(30L);
    }

    @Test
    void compStatPeriodsLineUpWeekdaysAndCalendarYears() {
        CompStatPeriods p = new CompStatPeriods(LocalDate.of(2015, 2, 8));
        assertThat(p.weekStart()).isEqualTo(LocalDate.of(2015, 2, 2));
        assertThat(p.previous(p.weekStart()).getDayOfWeek()).isEqualTo(p.weekStart().getDayOfWeek());
        assertThat(p.monthStart()).isEqualTo(LocalDate.of(2015, 1, 12));
        assertThat(p.previousYearStart()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(p.previousYearToDate()).isEqualTo(LocalDate.of(2014, 2, 8));
    }

    @Test
    void theFastDateParserAgreesWithDateTimeFormatterAndRefusesImpossibleDates() {
        var pattern = "MM/dd/yyyy hh:mm:ss a";
        FixedDateParser fast = FixedDateParser.of(pattern);
        var slow = java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.US);
        for (String text : List.of("02/08/2015 11:43:40 PM", "01/01/2015 12:00:00 AM", "12/31/2014 12:59:59 PM",
                "07/04/2014 01:02:03 am")) {
            assertThat(fast.parse(text)).isEqualTo(java.time.LocalDateTime.parse(text.toUpperCase(), slow));
        }
        for (String bad : List.of("31/31/2015 11:43:40 PM", "02/31/2015 11:43:40 PM", "02/08/2015 13:43:40 PM",
                "02/08/2015 11:43:40 XM", "2/8/2015 11:43:40 PM", "02-08-2015 11:43:40 PM")) {
            assertThatThrownBy(() -> fast.parse(bad)).isInstanceOf(java.time.DateTimeException.class);
        }
        assertThat(FixedDateParser.of("yyyy-MM-dd HH:mm").parse("2015-02-08 23:43"))
                .isEqualTo(java.time.LocalDateTime.of(2015, 2, 8, 23, 43));
        assertThat(FixedDateParser.of("d MMM yyyy")).isNull();
        assertThat(FixedDateParser.of("hh:mm")).isNull();
    }
}
