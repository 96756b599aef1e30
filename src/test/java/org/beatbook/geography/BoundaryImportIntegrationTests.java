package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

@GeographyTest
class BoundaryImportIntegrationTests {

    @Autowired
    UnitCatalogue catalogue;
    @Autowired
    BoundaryAdministration administration;
    @Autowired
    UnitLocator locator;
    @Autowired
    GeographyService service;

    @BeforeEach
    void chicago() {
        ChicagoFixture.ensureImported(catalogue, administration);
    }

    @Test
    void importsChicagoDistrictsSectorsAndBeats() {
        assertThat(catalogue.levels()).extracting(UnitLevel::key).containsExactly("district", "sector", "beat");
        assertThat(catalogue.units("district")).hasSize(23);
        assertThat(catalogue.units("beat")).hasSize(275);
        // sector = district digits + sector digit of each beat number
        assertThat(catalogue.units("sector")).hasSize(catalogue.units("beat").stream()
                .map(b -> b.code().substring(0, 3)).distinct().toList().size());
        assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::label)
                .containsExactly("District 7", "Sector 071", "Beat 0713");
        assertThat(catalogue.children(new UnitKey("sector", "071"))).extracting(UnitRef::code)
                .contains("0711", "0712", "0713").allMatch(c -> c.startsWith("071"));
        assertThat(catalogue.chain(new UnitKey("beat", "3100"))).extracting(UnitRef::code)
                .containsExactly("31", "310", "3100");
    }

    /**
     * An import calls the locator once per row, so nothing may stand in between (Modulith proxies beans with
     * transactional listeners; those live in LocatorRefresh).
     */
    @Test
    void theLocatorIsCalledDirectlyNotThroughAProxy() {
        assertThat(AopUtils.isAopProxy(locator)).isFalse();
    }

    @Test
    void reportsMultiPartUnits() {
        BoundaryImportReport report = ChicagoFixture.importFile(administration, ChicagoFixture.BEATS, "beat", "BEAT_NUM");
        assertThat(report.accepted()).isTrue();
        assertThat(report.featureCount()).isEqualTo(277);
        assertThat(report.unitCount()).isEqualTo(275);
        assertThat(report.multiPartUnits()).containsExactly("3100");
        assertThat(report.errors()).isEmpty();
        // identity by code: re-importing the beats kept the sectors' children and the chain
        assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::code)
                .containsExactly("7", "071", "0713");
    }

    @Test
    void locatesTheFirstCrimeOfTheDemoFile() {
        Placement placement = locator.locate(41.747693646, -87.549035389);
        assertThat(placement.units()).extracting(UnitRef::key).containsExactly(new UnitKey("district", "4"),
                new UnitKey("sector", "042"), new UnitKey("beat", "0422"));
        assertThat(locator.locate(40.0, -87.5).insideServiceArea()).isFalse();
    }

    @Test
    void aBrokenReimportLeavesTheLevelUntouched() {
        List<UnitRef> before = catalogue.units("beat");
        String broken = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"BEAT_NUM":"0713"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87.6,41.8],[-87.5,41.8],[-87.5,41.9],[-87.6,41.9],[-87.6,41.8]]]}},
                 {"type":"Feature","properties":{"BEAT_NUM":"9999"},"geometry":{"type":"Point","coordinates":[-87.6,41.8]}}]}
                """;
        BoundaryImportReport report = administration.importBoundaries(
                new BoundaryImportRequest("beat", "BEAT_NUM", null, null, false),
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).singleElement().asString().contains("index 1", "9999", "Point");
        assertThat(catalogue.units("beat")).isEqualTo(before);
        assertThat(locator.locate(41.747693646, -87.549035389).units()).extracting(UnitRef::code).contains("0422");
        assertThat(service.recentImports(5)).anySatisfy(r -> {
            assertThat(r.accepted()).isFalse();
            assertThat(r.errorCount()).isEqualTo(1);
        });
    }

    @Test
    void aNulInTheFileNameIsShownInTheAuditNotRefused() {
        String point = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"BEAT_NUM":"9999"},"geometry":{"type":"Point","coordinates":[-87.6,41.8]}}]}
                """;
        service.importBoundaries(new BoundaryImportRequest("beat", "BEAT_NUM", null, null, false),
                new ByteArrayInputStream(point.getBytes(StandardCharsets.UTF_8)), "beats\u0000.geojson", "tester");
        assertThat(service.recentImports(5)).anySatisfy(r -> assertThat(r.source()).isEqualTo("beats\u2400.geojson"));
    }

    @Test
    void aNulByteInAPropertyRejectsTheFileNamingTheFeatureAndProperty() {
        List<UnitRef> before = catalogue.units("beat");
        // JSON's \\u0000 escape is how a NUL reaches a property; PostgreSQL text cannot store it
        String withNul = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"BEAT_NUM":"0713","NAME":"Beat 0713"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87.6,41.8],[-87.5,41.8],[-87.5,41.9],[-87.6,41.9],[-87.6,41.8]]]}},
                 {"type":"Feature","properties":{"BEAT_NUM":"0714","NAME":"Beat\\u00000714"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87.4,41.8],[-87.3,41.8],[-87.3,41.9],[-87.4,41.9],[-87.4,41.8]]]}},
                 {"type":"Feature","properties":{"BEAT_NUM":"07\\u000015","NAME":"Beat 0715"},
                  "geometry":{"type":"Polygon","coordinates":[[[-87.2,41.8],[-87.1,41.8],[-87.1,41.9],[-87.2,41.9],[-87.2,41.8]]]}}]}
                """;
        BoundaryImportReport report = administration.importBoundaries(
                new BoundaryImportRequest("beat", "BEAT_NUM", "NAME", null, false),
                new ByteArrayInputStream(withNul.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).containsExactly(
                "The feature at index 1 (code 0714) has a NUL byte (0x00) in the property \"NAME\", which a text "
                        + "value cannot hold.",
                "The feature at index 2 (code 07␀15) has a NUL byte (0x00) in the property \"BEAT_NUM\", which a "
                        + "text value cannot hold.");
        assertThat(catalogue.units("beat")).isEqualTo(before);
    }

    @Test
    void aLevelWithUnitsCannotBeRemoved() {
        assertThatThrownBy(() -> administration.defineLevels(List.of(ChicagoFixture.LEVELS.get(0),
                ChicagoFixture.LEVELS.get(2))))
                .isInstanceOfSatisfying(GeographyRejection.class, e -> {
                    assertThat(e.kind()).isEqualTo(GeographyRejection.Kind.CONFLICT);
                    assertThat(e.reasons()).singleElement().asString().contains("Sector");
                });
        assertThat(catalogue.levels()).hasSize(3);
    }

    @Test
    void renamingLevelsKeepsUnitsAndParents() {
        administration.defineLevels(List.of(new LevelDefinition("district", "Police District", "Police Districts"),
                ChicagoFixture.LEVELS.get(1), ChicagoFixture.LEVELS.get(2)));
        try {
            assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::label)
                    .containsExactly("Police District 7", "Sector 071", "Beat 0713");
            assertThat(locator.locate(41.747693646, -87.549035389).units().get(0).levelName())
                    .isEqualTo("Police District");
        }
        finally {
            administration.defineLevels(ChicagoFixture.LEVELS);
        }
    }
}
