package org.beatbook.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;
import org.junit.jupiter.api.Test;

class DailyTallyTests {

    static final Classification BATTERY = new Classification("0486", IncidentCategory.PERSONS, "BATTERY",
            ServicePriority.REDUCING_CRIME, false);
    static final Classification NOISE = new Classification("NOISE", IncidentCategory.QUALITY_OF_LIFE, "NOISE", null,
            false);

    static StagedIncident incident(LocalDate day, Classification c, boolean sensitive, String... path) {
        SourceRow row = new SourceRow(1, "1", null, day.atStartOfDay().toInstant(ZoneOffset.UTC), day, c.matchKey(),
                c.offense(), null, null, Double.NaN, Double.NaN, Map.of(), false);
        return new StagedIncident(row, c, sensitive, Double.NaN, Double.NaN, false, List.of(path), List.of(), null);
    }

    /** The tally's rows as level|code|day|category|offense|priority|sensitive|n, units ordered by name. */
    static List<String> rows(DailyTally tally) {
        List<String> units = tally.units();
        List<String> byName = units.stream().sorted().toList();
        int[] order = units.stream().mapToInt(byName::indexOf).toArray();
        List<DailyTally.Kind> kinds = tally.kinds();
        List<String> rows = new ArrayList<>();
        tally.forEach(order, (unit, day, kind, n) -> {
            String[] levelAndCode = units.get(unit).split(":", 2);
            DailyTally.Kind k = kinds.get(kind);
            rows.add(String.join("|", levelAndCode[0], levelAndCode[1], LocalDate.ofEpochDay(day).toString(),
                    k.category(), k.offense(), k.priority(), Boolean.toString(k.sensitive()), Integer.toString(n)));
        });
        return rows;
    }

    @Test
    void countsEveryUnitOfThePathAndCityWidePerDayAndKind() {
        LocalDate day = LocalDate.of(2015, 1, 31);
        DailyTally tally = new DailyTally();
        tally.count(incident(day, BATTERY, false, "district:4", "beat:0422"));
        tally.count(incident(day, BATTERY, false, "district:4", "beat:0423"));
        tally.count(incident(day, BATTERY, true, "district:4", "beat:0423"));
        tally.count(incident(day.plusDays(1), NOISE, false));

        assertThat(rows(tally)).containsExactlyInAnyOrder(
                "district|4|2015-01-31|persons|BATTERY|reducing-crime|false|2",
                "district|4|2015-01-31|persons|BATTERY|reducing-crime|true|1",
                "beat|0422|2015-01-31|persons|BATTERY|reducing-crime|false|1",
                "beat|0423|2015-01-31|persons|BATTERY|reducing-crime|false|1",
                "beat|0423|2015-01-31|persons|BATTERY|reducing-crime|true|1",
                "city|all|2015-01-31|persons|BATTERY|reducing-crime|false|2",
                "city|all|2015-01-31|persons|BATTERY|reducing-crime|true|1",
                "city|all|2015-02-01|quality-of-life|NOISE||false|1");
        assertThat(tally.size()).isEqualTo(8);
        assertThat(rows(tally)).extracting(row -> String.join(" ", List.of(row.split("\\|")).subList(0, 3)))
                .as("ordered by the order given the units, then by day, as incident_daily's index")
                .containsExactly("beat 0422 2015-01-31", "beat 0423 2015-01-31", "beat 0423 2015-01-31",
                        "city all 2015-01-31", "city all 2015-01-31", "city all 2015-02-01", "district 4 2015-01-31",
                        "district 4 2015-01-31");
    }

    @Test
    void talliesSharingTheirNumbersAddUpFromTheFirstDayToTheLast() {
        LocalDate day = LocalDate.of(1900, 3, 1);
        DailyTally.Numbers numbers = new DailyTally.Numbers();
        DailyTally one = new DailyTally(numbers);
        one.count(incident(day, BATTERY, false, "beat:0111"));
        one.count(incident(day, NOISE, false, "beat:2533"));
        DailyTally other = new DailyTally(numbers);
        other.count(incident(day, NOISE, false, "beat:2533"));
        other.count(incident(LocalDate.of(9999, 12, 31), BATTERY, false, "beat:0111"));

        DailyTally all = new DailyTally(numbers);
        all.addAll(one);
        all.addAll(other);
        assertThat(rows(all)).containsExactlyInAnyOrder(
                "beat|0111|1900-03-01|persons|BATTERY|reducing-crime|false|1",
                "city|all|1900-03-01|persons|BATTERY|reducing-crime|false|1",
                "beat|2533|1900-03-01|quality-of-life|NOISE||false|2",
                "city|all|1900-03-01|quality-of-life|NOISE||false|2",
                "beat|0111|9999-12-31|persons|BATTERY|reducing-crime|false|1",
                "city|all|9999-12-31|persons|BATTERY|reducing-crime|false|1");
        assertThat(all.epochDays()).containsExactly(day.toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay());
    }

    @Test
    void talliesNumberingOnTheirOwnDoNotAddUp() {
        DailyTally one = new DailyTally();
        one.count(incident(LocalDate.of(2015, 1, 1), BATTERY, false, "beat:0111"));
        assertThatThrownBy(() -> new DailyTally().addAll(one)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Enough rows to fold the buffer many times, on paths met as the same object (as placers hand them out) and as
     * fresh lists: the counts are those of a plain count per unit, day and kind, in unit order, then day, then kind.
     */
    @Test
    void manyRowsFoldIntoTheCountsOfAPlainCount() {
        Random random = new Random(4);
        List<List<String>> paths = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            for (int b = 0; b < 8; b++) {
                paths.add(List.of("district:" + d, "beat:" + d + "0" + b));
            }
        }
        paths.add(List.of());
        Classification[] kinds = {BATTERY, NOISE};
        Map<String, Integer> expected = new TreeMap<>();
        DailyTally tally = new DailyTally();
        for (int k = 0; k < 300_000; k++) {
            List<String> path = paths.get(random.nextInt(paths.size()));
            LocalDate day = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(400));
            Classification kind = kinds[random.nextInt(kinds.length)];
            boolean sensitive = random.nextInt(10) == 0;
            tally.count(incident(day, kind, sensitive, (random.nextBoolean() ? path : new ArrayList<>(path))
                    .toArray(String[]::new)));
            for (String unit : concat(path, "city:all")) {
                expected.merge(String.join("|", unit.replace(':', '|'), day.toString(), kind.category().key(),
                        kind.offense(), kind.priority() == null ? "" : kind.priority().key(),
                        Boolean.toString(sensitive)), 1, Integer::sum);
            }
        }
        List<String> counted = rows(tally);
        assertThat(counted).hasSize(expected.size()).hasSize(tally.size());
        assertThat(counted).containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                .map(e -> e.getKey() + "|" + e.getValue()).toList());
        assertThat(counted).extracting(row -> String.join("|", List.of(row.split("\\|")).subList(0, 3)))
                .as("ordered by unit, then day").isSorted();
        assertThat(tally.epochDays()).hasSize(400).isSorted();
    }

    private static List<String> concat(List<String> path, String last) {
        List<String> all = new ArrayList<>(path);
        all.add(last);
        return all;
    }

    /** The workers of an import count on threads of their own into tallies that share their numbering. */
    @Test
    void talliesSharingTheirNumberingCountOnSeveralThreadsAndAddUp() throws Exception {
        DailyTally.Numbers numbers = new DailyTally.Numbers();
        List<DailyTally> tallies = List.of(new DailyTally(numbers), new DailyTally(numbers));
        LocalDate day = LocalDate.of(2015, 2, 1);
        List<Thread> threads = new ArrayList<>();
        for (DailyTally tally : tallies) {
            // Both meet the same 500 beats and two kinds, in opposite orders, at the same time.
            boolean reversed = tallies.indexOf(tally) == 1;
            threads.add(new Thread(() -> {
                for (int k = 0; k < 500; k++) {
                    int beat = reversed ? 499 - k : k;
                    tally.count(incident(day, beat % 2 == 0 ? BATTERY : NOISE, false, "beat:" + beat));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        DailyTally all = tallies.get(0);
        all.addAll(tallies.get(1));
        List<String> rows = rows(all);
        assertThat(rows).hasSize(502).contains("beat|7|2015-02-01|quality-of-life|NOISE||false|2",
                "beat|498|2015-02-01|persons|BATTERY|reducing-crime|false|2",
                "city|all|2015-02-01|persons|BATTERY|reducing-crime|false|500",
                "city|all|2015-02-01|quality-of-life|NOISE||false|500");
    }

    @Test
    void theSameIncidentObjectsCountEveryTime() {
        StagedIncident incident = incident(LocalDate.of(2015, 1, 1), BATTERY, false, "beat:0111");
        DailyTally tally = new DailyTally();
        for (int k = 0; k < 3; k++) {
            tally.count(incident);
        }
        tally.count(incident(LocalDate.of(2015, 1, 1), BATTERY, true, "beat:0111"));
        assertThat(rows(tally)).containsExactlyInAnyOrder(
                "beat|0111|2015-01-01|persons|BATTERY|reducing-crime|false|3",
                "city|all|2015-01-01|persons|BATTERY|reducing-crime|false|3",
                "beat|0111|2015-01-01|persons|BATTERY|reducing-crime|true|1",
                "city|all|2015-01-01|persons|BATTERY|reducing-crime|true|1");
    }

    @Test
    void aUnitCodeMayHoldAColon() {
        DailyTally tally = new DailyTally();
        tally.count(incident(LocalDate.of(2015, 1, 1), NOISE, false, "area:North:East"));
        assertThat(rows(tally)).contains("area|North:East|2015-01-01|quality-of-life|NOISE||false|1");
    }
}
