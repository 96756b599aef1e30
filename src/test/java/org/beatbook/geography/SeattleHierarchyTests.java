package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Seattle's Precinct > Beat in a database of its own: the hierarchy is whatever the department says, not Chicago's.
 * (A department has one hierarchy, so this cannot share the Chicago test database.)
 */
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-geography-seattle",
        "beatbook.demo.enabled=false"})
class SeattleHierarchyTests {

    @Autowired
    UnitCatalogue catalogue;
    @Autowired
    BoundaryAdministration administration;
    @Autowired
    UnitLocator locator;

    @Test
    void precinctsAndBeats() throws IOException {
        administration.defineLevels(List.of(new LevelDefinition("precinct", "Precinct", "Precincts"),
                new LevelDefinition("beat", "Beat", "Beats")));
        BoundaryImportReport precincts = importFile("police-precincts.geojson", "precinct");
        BoundaryImportReport beats = importFile("police-beats.geojson", "beat");

        assertThat(precincts.accepted()).isTrue();
        assertThat(precincts.unitCount()).isEqualTo(5);
        assertThat(beats.accepted()).isTrue();
        assertThat(beats.unitCount()).isEqualTo(51);
        assertThat(catalogue.units("precinct")).extracting(UnitRef::code).containsExactly("E", "N", "S", "SW", "W");
        // Seattle beat letters name their precinct's sector; B is in the North precinct, K in the West
        assertThat(catalogue.chain(new UnitKey("beat", "B1"))).extracting(UnitRef::label)
                .containsExactly("Precinct N", "Beat B1");
        assertThat(catalogue.chain(new UnitKey("beat", "K1"))).extracting(UnitRef::code).containsExactly("W", "K1");
        assertThat(catalogue.children(new UnitKey("precinct", "SW"))).isNotEmpty()
                .allSatisfy(b -> assertThat(b.code()).matches("[FW]\\d"));

        // Pike Place Market
        assertThat(locator.locate(47.6094, -122.3417).units()).extracting(UnitRef::level)
                .containsExactly("precinct", "beat");
        assertThat(locator.locate(47.6094, -122.3417).units().get(0).code()).isEqualTo("W");
    }

    private BoundaryImportReport importFile(String name, String level) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/data/seattle", name))) {
            return administration.importBoundaries(new BoundaryImportRequest(level, "name", null, null, false), in);
        }
    }
}
