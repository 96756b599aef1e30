package org.beatbook.geography.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.geography.domain.GeoJsonSamples.check;
import static org.beatbook.geography.domain.GeoJsonSamples.collection;
import static org.beatbook.geography.domain.GeoJsonSamples.feature;
import static org.beatbook.geography.domain.GeoJsonSamples.polygon;
import static org.beatbook.geography.domain.GeoJsonSamples.read;
import static org.beatbook.geography.domain.GeoJsonSamples.ring;
import static org.beatbook.geography.domain.GeoJsonSamples.square;

import java.util.List;

import org.beatbook.geography.domain.ImportProblem.FeatureRef;
import org.junit.jupiter.api.Test;

/** Every kind of bad boundary file, each found and named by feature index and code. */
class BoundaryValidationTests {

    private static final String GOOD = square(-87.62, 41.80, 0.01);

    @Test
    void acceptsPolygonsAndMultiPolygonsAndMergesPartsSharingACode() {
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(new double[] {-87.60, 41.80},
                new double[] {-87.59, 41.80}, new double[] {-87.59, 41.81}, new double[] {-87.60, 41.80}) + "]]}";
        BoundaryValidator.Result result = check(collection(feature("A", GOOD), feature("B", multi),
                feature("A", square(-87.62, 41.82, 0.01))), false);

        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).extracting(BoundaryUnit::code).containsExactly("A", "B");
        assertThat(result.units().get(0).partCount()).isEqualTo(2);
        assertThat(result.multiPartUnits()).containsExactly("A");
    }

    @Test
    void notJson() {
        assertThat(read("{\"type\": \"FeatureCollection\", \"features\": [ oops").errors())
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("geography.problem.not-json");
                    assertThat(p.args().get(0)).isEqualTo(1);
                });
        assertThat(read("this is a shapefile").errors()).extracting(ImportProblem::key)
                .containsExactly("geography.problem.not-json");
    }

    @Test
    void notAFeatureCollection() {
        assertThat(read(feature("A", GOOD)).errors()).containsExactly(
                ImportProblem.of("geography.problem.not-feature-collection", "Feature"));
        assertThat(read("[1, 2]").errors()).extracting(ImportProblem::key)
                .containsExactly("geography.problem.not-feature-collection");
        assertThat(read(collection()).errors()).extracting(ImportProblem::key)
                .containsExactly("geography.problem.no-features");
    }

    @Test
    void wrongGeometryTypesAndNullGeometryAreEachNamed() {
        BoundaryValidator.Result result = check(collection(feature("A", GOOD),
                feature("P", "{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}"),
                feature("L", "{\"type\":\"LineString\",\"coordinates\":[[-87.6,41.8],[-87.5,41.9]]}"),
                feature("N", "null")), false);

        assertThat(result.errors()).containsExactly(
                ImportProblem.of("geography.problem.geometry-type", new FeatureRef(1, "P"), "Point"),
                ImportProblem.of("geography.problem.geometry-type", new FeatureRef(2, "L"), "LineString"),
                ImportProblem.of("geography.problem.no-geometry", new FeatureRef(3, "N")));
        assertThat(result.units()).isEmpty();
    }

    @Test
    void unclosedRingIsUnreadable() {
        String open = polygon(new double[] {-87.6, 41.8}, new double[] {-87.5, 41.8}, new double[] {-87.5, 41.9},
                new double[] {-87.6, 41.9});
        assertThat(check(collection(feature("A", open)), false).errors()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("geography.problem.unreadable-geometry"));
    }

    @Test
    void missingOrBlankCode() {
        String blank = "{\"type\":\"Feature\",\"properties\":{\"code\":\"  \"},\"geometry\":" + GOOD + "}";
        BoundaryValidator.Result result = check(collection(feature("A", GOOD), feature(null, GOOD), blank), false);

        assertThat(result.errors()).containsExactly(
                ImportProblem.of("geography.problem.missing-code", new FeatureRef(1, null), "code"),
                ImportProblem.of("geography.problem.missing-code", new FeatureRef(2, null), "code"));
    }

    @Test
    void numericCodesAreRead() {
        String numeric = "{\"type\":\"Feature\",\"properties\":{\"code\":1713},\"geometry\":" + GOOD + "}";
        assertThat(check(collection(numeric), false).units()).extracting(BoundaryUnit::code).containsExactly("1713");
    }

    /** A bow tie: the ring crosses itself at (-87.595, 41.805). */
    private static final String BOW_TIE = polygon(new double[] {-87.60, 41.80}, new double[] {-87.59, 41.81},
            new double[] {-87.59, 41.80}, new double[] {-87.60, 41.81}, new double[] {-87.60, 41.80});

    @Test
    void selfIntersectionIsRejectedWithItsLocation() {
        BoundaryValidator.Result result = check(collection(feature("A", GOOD), feature("X", BOW_TIE)), false);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("geography.problem.invalid");
            assertThat(p.args()).containsExactly(new FeatureRef(1, "X"), "Self-intersection", "41.80500, -87.59500");
        });
        assertThat(result.units()).isEmpty();
    }

    @Test
    void selfIntersectionIsRepairedOnlyWhenAskedAndThenWarned() {
        BoundaryValidator.Result result = check(collection(feature("A", GOOD), feature("X", BOW_TIE)), true);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("geography.problem.repaired");
            assertThat(p.args().get(0)).isEqualTo(new FeatureRef(1, "X"));
        });
        assertThat(result.units()).extracting(BoundaryUnit::code).containsExactly("A", "X");
        assertThat(result.units().get(1).boundary().isValid()).isTrue();
    }

    @Test
    void swappedLatitudeAndLongitudeInOneFeature() {
        // x = 41.8 is a fine longitude, but y = -87.6 is no place a police department works
        BoundaryValidator.Result result = check(collection(feature("A", GOOD),
                feature("S", square(41.80, -87.62, 0.01))), false);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("geography.problem.swapped");
            assertThat(p.args().get(0)).isEqualTo(new FeatureRef(1, "S"));
        });
    }

    @Test
    void latitudeBeyondNinetyWithSmallXIsSwapped() {
        assertThat(check(collection(feature("A", GOOD), feature("S", square(47.6, -122.4, 0.01))), false).errors())
                .extracting(ImportProblem::key).containsExactly("geography.problem.swapped");
    }

    @Test
    void aWholeSwappedFileIsOneError() {
        BoundaryValidator.Result result = check(collection(feature("A", square(41.80, -87.62, 0.01)),
                feature("B", square(41.81, -87.62, 0.01)), feature("C", square(41.82, -87.62, 0.01))), false);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("geography.problem.swapped.all");
            assertThat(p.args().subList(0, 2)).containsExactly(3, new FeatureRef(0, "A"));
        });
    }

    @Test
    void projectedCoordinates() {
        // Illinois State Plane East, US feet
        String statePlane = square(1_176_000, 1_880_000, 5_000);
        assertThat(check(collection(feature("A", GOOD), feature("P", statePlane)), false).errors())
                .containsExactly(ImportProblem.of("geography.problem.projected", new FeatureRef(1, "P"),
                        "x 1.17600e+06..1.18100e+06, y 1.88000e+06..1.88500e+06"));
        assertThat(check(collection(feature("A", statePlane), feature("B", square(1_181_000, 1_880_000, 5_000))),
                false).errors()).extracting(ImportProblem::key).containsExactly("geography.problem.projected.all");
    }

    @Test
    void overlappingUnitsAreAnError() {
        // 0.001 degrees of longitude at 41.8 N is about 83 m: a strip of about 92,000 m2
        BoundaryValidator.Result result = check(collection(feature("A", GOOD),
                feature("B", square(-87.611, 41.80, 0.01))), false);

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("geography.problem.overlap");
            assertThat(p.args().subList(0, 2)).containsExactly(new FeatureRef(0, "A"), new FeatureRef(1, "B"));
            assertThat((Long) p.args().get(2)).isBetween(90_000L, 95_000L);
        });
        assertThat(result.units()).isEmpty();
    }

    @Test
    void aSliverOverlapIsOnlyAWarning() {
        // 0.000001 degrees is about 8 cm: a strip of about 92 m2, below both tolerances
        BoundaryValidator.Result result = check(collection(feature("A", GOOD),
                feature("B", square(-87.610001, 41.80, 0.01))), false);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(ImportProblem::key).containsExactly("geography.problem.sliver-overlap");
        assertThat(result.units()).hasSize(2);
    }

    @Test
    void aSmallOverlapOfSmallUnitsIsAnErrorByShare() {
        // two 11 m squares overlapping by a third: far below 1,000 m2 but far above 1 % of the smaller
        BoundaryValidator.Result result = check(collection(feature("A", square(-87.6, 41.8, 0.0001)),
                feature("B", square(-87.59993, 41.8, 0.0001))), false);
        assertThat(result.errors()).extracting(ImportProblem::key).containsExactly("geography.problem.overlap");
    }

    @Test
    void aTinyGapBetweenUnitsIsOnlyAWarning() {
        // unit A surrounds a hole of about 9 x 11 m that no unit covers
        String withHole = "{\"type\":\"Polygon\",\"coordinates\":[" + ring(new double[] {-87.62, 41.80},
                new double[] {-87.61, 41.80}, new double[] {-87.61, 41.81}, new double[] {-87.62, 41.81},
                new double[] {-87.62, 41.80}) + "," + ring(new double[] {-87.615, 41.805},
                new double[] {-87.615, 41.8051}, new double[] {-87.6149, 41.8051}, new double[] {-87.6149, 41.805},
                new double[] {-87.615, 41.805}) + "]}";
        BoundaryValidator.Result result = check(collection(feature("A", withHole)), false);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("geography.problem.sliver-gap"));
    }

    @Test
    void collectsEveryProblemNotJustTheFirst() {
        BoundaryValidator.Result result = check(collection(feature(null, GOOD),
                feature("P", "{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}"), feature("X", BOW_TIE),
                feature("S", square(41.80, -87.62, 0.01)), feature("A", square(-87.70, 41.80, 0.01)),
                feature("B", square(-87.695, 41.80, 0.01))), false);

        assertThat(result.errors()).extracting(ImportProblem::key).containsExactlyInAnyOrder(
                "geography.problem.missing-code", "geography.problem.geometry-type", "geography.problem.invalid",
                "geography.problem.swapped", "geography.problem.overlap");
    }

    @Test
    void parentPropertyIsReadAndRequired() {
        String json = collection(
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"B1\",\"precinct\":\"N\",\"label\":\"Ballard\"},\"geometry\":" + GOOD + "}",
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"B2\"},\"geometry\":" + GOOD + "}");
        BoundaryFileReader.Result result = new BoundaryFileReader("code", "label", "precinct")
                .read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(result.features()).singleElement().satisfies(f -> {
            assertThat(f.parentCode()).isEqualTo("N");
            assertThat(f.name()).isEqualTo("Ballard");
        });
        assertThat(result.errors()).containsExactly(
                ImportProblem.of("geography.problem.missing-parent", new FeatureRef(1, "B2"), "precinct"));
    }

    @Test
    void partsOfOneUnitMustNameTheSameParent() {
        String json = collection(
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"A\",\"up\":\"1\"},\"geometry\":" + GOOD + "}",
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"A\",\"up\":\"2\"},\"geometry\":" + square(-87.62, 41.82, 0.01) + "}");
        BoundaryFileReader.Result read = new BoundaryFileReader("code", null, "up")
                .read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<ImportProblem> errors = new BoundaryValidator().validate(read.features(), false).errors();
        assertThat(errors).extracting(ImportProblem::key).containsExactly("geography.problem.parent-conflict");
    }
}
