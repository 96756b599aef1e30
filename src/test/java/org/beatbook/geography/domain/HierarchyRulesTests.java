package org.beatbook.geography.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.beatbook.geography.LevelDefinition;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class HierarchyRulesTests {

    private static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        }
        catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void derivesParentsFromCodePrefixesAndUnionsTheirBoundaries() {
        LevelDerivation.Result result = new LevelDerivation().derive(List.of(
                new LevelDerivation.Child("0711", wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")),
                new LevelDerivation.Child("0712", wkt("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")),
                new LevelDerivation.Child("0721", wkt("POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"))), 3);

        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).extracting(BoundaryUnit::code).containsExactly("071", "072");
        assertThat(result.units().get(0).boundary().getArea()).isEqualTo(2.0);
        assertThat(result.units().get(0).boundary().getNumGeometries()).isEqualTo(1);
    }

    @Test
    void aCodeNoLongerThanThePrefixCannotBeDerived() {
        LevelDerivation.Result result = new LevelDerivation().derive(List.of(
                new LevelDerivation.Child("071", wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"))), 3);
        assertThat(result.errors()).containsExactly(ImportProblem.of("geography.problem.code-too-short", "071", 3));
        assertThat(new LevelDerivation().derive(List.of(), 3).errors()).extracting(ImportProblem::key)
                .containsExactly("geography.problem.no-children");
    }

    @Test
    void parentIsTheUnitAboveOverlappingMost() {
        ParentMatcher matcher = new ParentMatcher(Map.of(
                "west", wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
                "east", wkt("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")));

        // mostly east, with a sliver in the west, as real boundaries of different levels are
        assertThat(matcher.parentOf(wkt("POLYGON ((9.9 1, 15 1, 15 2, 9.9 2, 9.9 1))"))).contains("east");
        assertThat(matcher.parentOf(wkt("POLYGON ((30 30, 31 30, 31 31, 30 30))"))).isEmpty();
    }

    @Test
    void levelDefinitionsNeedKeysAndNames() {
        assertThat(LevelRules.check(List.of(new LevelDefinition("precinct", "Precinct", "Precincts"),
                new LevelDefinition("beat", "Beat", "Beats")))).isEmpty();
        assertThat(LevelRules.check(List.of(new LevelDefinition("Area Command", "Area Command", "Area Commands"),
                new LevelDefinition("beat", " ", "Beats"), new LevelDefinition("beat", "Beat", null))))
                .extracting(ImportProblem::key).containsExactly("geography.level.bad-key", "geography.level.bad-name",
                        "geography.level.duplicate-key", "geography.level.bad-plural");
    }
}
