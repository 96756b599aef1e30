package org.beatbook.geography.domain.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.beatbook.geography.domain.index.BoundaryFixtures.ref;

import java.util.List;
import java.util.Random;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Synthetic squares around 41.8° N. Two districts side by side, each split into two beats:
 * <pre>
 *  lat 41.81  +-----+-----+-----+-----+
 *             | B11 | B12 | B21 | B22 |      D1 = B11 + B12, D2 = B21 + B22
 *  lat 41.79  +-----+-----+-----+-----+
 *       lon -87.62 -87.61 -87.60 -87.59 -87.58
 * </pre>
 * The data's centre latitude is exactly 41.8°, so the expected metres below are true metres there.
 */
class SpatialIndexTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double TOLERANCE = 30;
    /** Metres per degree on a sphere of the mean Earth radius, and per degree of longitude at 41.8° N. */
    private static final double M_PER_DEG_LAT = 6_371_008.8 * Math.PI / 180;
    private static final double M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(Math.toRadians(41.8));

    private static final UnitRef D1 = ref("district", "District", "1");
    private static final UnitRef D2 = ref("district", "District", "2");
    private static final UnitRef B11 = ref("beat", "Beat", "11");
    private static final UnitRef B12 = ref("beat", "Beat", "12");
    private static final UnitRef B21 = ref("beat", "Beat", "21");
    private static final UnitRef B22 = ref("beat", "Beat", "22");

    private static final SpatialIndex INDEX = SpatialIndex.build(List.of(
            new UnitShape(D1, 0, box(-87.62, 41.79, -87.60, 41.81)),
            new UnitShape(D2, 0, box(-87.60, 41.79, -87.58, 41.81)),
            new UnitShape(B11, 1, box(-87.62, 41.79, -87.61, 41.81)),
            new UnitShape(B12, 1, box(-87.61, 41.79, -87.60, 41.81)),
            new UnitShape(B21, 1, box(-87.60, 41.79, -87.59, 41.81)),
            new UnitShape(B22, 1, box(-87.59, 41.79, -87.58, 41.81))), TOLERANCE);

    @Test
    void insideGetsEveryLevelTopFirstFromTheGrid() {
        Placement placement = INDEX.locate(41.80, -87.615);

        assertThat(placement.units()).containsExactly(D1, B11);
        assertThat(placement.nearBoundary()).isFalse();
        assertThat(placement.alternatives()).isEmpty();
        assertThat(placement.nearestOutside()).isEmpty();
        assertThat(INDEX.answeredByGrid(41.80, -87.615)).isTrue();
        assertThat(placement).isEqualTo(INDEX.locateExact(41.80, -87.615));
        assertThat(INDEX.locate(41.801, -87.6151)).as("one shared answer per cell, no allocation").isSameAs(placement);
    }

    @Test
    void pointOnASharedBeatEdgeGetsTheLowestCodeAndTheOtherAsAlternative() {
        Placement placement = INDEX.locate(41.80, -87.61);

        assertThat(placement.units()).containsExactly(D1, B11);
        assertThat(placement.nearBoundary()).isTrue();
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(B12, 0.0));
    }

    @Test
    void pointOnADistrictEdgeListsTheOtherDistrictAndTheOtherBeat() {
        Placement placement = INDEX.locate(41.80, -87.60);

        assertThat(placement.units()).containsExactly(D1, B12);
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(D2, 0.0), new NearbyUnit(B21, 0.0));
    }

    @Test
    void withinToleranceInRealMetresOfANeighbour() {
        double lon = -87.61 - 20 / M_PER_DEG_LON; // 20 m west of the B11|B12 edge, inside B11
        Placement placement = INDEX.locate(41.80, lon);

        assertThat(placement.units()).containsExactly(D1, B11);
        assertThat(placement.nearBoundary()).isTrue();
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(B12, 20.0));
        assertThat(haversineMeters(41.80, lon, 41.80, -87.61)).isCloseTo(20.0, within(0.05));
    }

    @Test
    void nearADistrictEdgeBothTheOtherDistrictAndTheOtherBeatAreAlternativesNearestFirst() {
        // inside D1 and B12, 25 m west of the edge they share with D2 and B21
        Placement placement = INDEX.locate(41.80, -87.60 - 25 / M_PER_DEG_LON);

        assertThat(placement.units()).containsExactly(D1, B12);
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(D2, 25.0), new NearbyUnit(B21, 25.0));
    }

    @Test
    void alternativesNearestFirstInACorner() {
        UnitRef a = ref("beat", "Beat", "A");
        UnitRef b = ref("beat", "Beat", "B");
        UnitRef c = ref("beat", "Beat", "C");
        SpatialIndex corner = SpatialIndex.build(List.of(
                new UnitShape(c, 0, box(-87.62, 41.80, -87.60, 41.81)),
                new UnitShape(a, 0, box(-87.62, 41.79, -87.61, 41.80)),
                new UnitShape(b, 0, box(-87.61, 41.79, -87.60, 41.80))), TOLERANCE);

        // inside A, 20 m west of B and 8 m south of C
        Placement placement = corner.locate(41.80 - 8 / M_PER_DEG_LAT, -87.61 - 20 / M_PER_DEG_LON);

        assertThat(placement.units()).containsExactly(a);
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(c, 8.0), new NearbyUnit(b, 20.0));
    }

    @Test
    void inASliverBetweenBeatsTheBeatsOnEitherSideAreAlternatives() {
        double gap = 10 / M_PER_DEG_LON; // the beats leave 10 m of their district uncovered
        SpatialIndex sliver = SpatialIndex.build(List.of(
                new UnitShape(D1, 0, box(-87.62, 41.79, -87.60, 41.81)),
                new UnitShape(B11, 1, box(-87.62, 41.79, -87.61 - gap / 2, 41.81)),
                new UnitShape(B12, 1, box(-87.61 + gap / 2, 41.79, -87.60, 41.81))), TOLERANCE);

        Placement placement = sliver.locate(41.80, -87.61 + 1 / M_PER_DEG_LON);

        assertThat(placement.units()).containsExactly(D1);
        assertThat(placement.nearBoundary()).isTrue();
        assertThat(placement.alternatives()).containsExactly(new NearbyUnit(B12, 4.0), new NearbyUnit(B11, 6.0));
        assertThat(placement.nearestOutside()).isEmpty();
    }

    @Test
    void beyondToleranceIsNotNearABoundary() {
        Placement placement = INDEX.locate(41.80, -87.61 - 35 / M_PER_DEG_LON);

        assertThat(placement.units()).containsExactly(D1, B11);
        assertThat(placement.nearBoundary()).isFalse();
        assertThat(placement.alternatives()).isEmpty();
    }

    @Test
    void outsideEveryUnitNamesTheNearestBottomUnitWithItsDistance() {
        Placement east = INDEX.locate(41.80, -87.58 + 500 / M_PER_DEG_LON);
        Placement north = INDEX.locate(41.81 + 300 / M_PER_DEG_LAT, -87.615);

        assertThat(east.units()).isEmpty();
        assertThat(east.insideServiceArea()).isFalse();
        assertThat(east.nearBoundary()).isFalse();
        assertThat(east.alternatives()).isEmpty();
        assertThat(east.nearestOutside()).contains(new NearbyUnit(B22, 500.0));
        assertThat(north.nearestOutside()).contains(new NearbyUnit(B11, 300.0));
        assertThat(INDEX.locate(41.80, -87.5)).isEqualTo(INDEX.locateExact(41.80, -87.5));
    }

    @Test
    void outsideAsNearToTwoUnitsTheLowestCodeIsNearest() {
        // Straight south of the corner B11 and B12 share: both are exactly 200 m away.
        double latitude = 41.79 - 200 / M_PER_DEG_LAT;

        Placement placement = INDEX.locate(latitude, -87.61);

        assertThat(placement.nearestOutside()).contains(new NearbyUnit(B11, 200.0));
        assertThat(placement).isEqualTo(INDEX.locateExact(latitude, -87.61));
    }

    @Test
    void multiPolygonUnitsAndUnitsGivenInSeveralShapes() {
        UnitRef islands = ref("beat", "Beat", "7");
        SpatialIndex multi = SpatialIndex.build(List.of(
                new UnitShape(islands, 0, FACTORY.createMultiPolygon(new Polygon[] {
                        box(-87.62, 41.79, -87.61, 41.80), box(-87.60, 41.79, -87.59, 41.80)}))), TOLERANCE);
        SpatialIndex split = SpatialIndex.build(List.of(
                new UnitShape(islands, 0, box(-87.62, 41.79, -87.61, 41.80)),
                new UnitShape(islands, 0, box(-87.60, 41.79, -87.59, 41.80))), TOLERANCE);

        for (SpatialIndex index : List.of(multi, split)) {
            assertThat(index.locate(41.795, -87.615).units()).containsExactly(islands);
            assertThat(index.locate(41.795, -87.595).units()).containsExactly(islands);
            Placement between = index.locate(41.795, -87.605);
            assertThat(between.units()).isEmpty();
            assertThat(between.nearestOutside()).hasValueSatisfying(n -> {
                assertThat(n.unit()).isEqualTo(islands);
                assertThat(n.distanceMeters()).isCloseTo(0.005 * M_PER_DEG_LON, within(0.1));
            });
        }
    }

    @Test
    void holesAreNotInsideTheirUnitButAnEnclaveInTheHoleIs() {
        UnitRef ring = ref("beat", "Beat", "1");
        UnitRef enclave = ref("beat", "Beat", "2");
        Polygon withHole = FACTORY.createPolygon(box(-87.62, 41.79, -87.58, 41.81).getExteriorRing(),
                new LinearRing[] {box(-87.61, 41.795, -87.59, 41.805).getExteriorRing()});
        SpatialIndex onlyRing = SpatialIndex.build(List.of(new UnitShape(ring, 0, withHole)), TOLERANCE);
        SpatialIndex withEnclave = SpatialIndex.build(List.of(new UnitShape(ring, 0, withHole),
                new UnitShape(enclave, 0, box(-87.61, 41.795, -87.59, 41.805))), TOLERANCE);

        Placement inHole = onlyRing.locate(41.80, -87.60);
        assertThat(inHole.units()).isEmpty();
        assertThat(inHole.nearestOutside()).contains(new NearbyUnit(ring, round(0.005 * M_PER_DEG_LAT)));
        assertThat(onlyRing.locate(41.792, -87.60).units()).containsExactly(ring);

        assertThat(withEnclave.locate(41.80, -87.60).units()).containsExactly(enclave);
        Placement nearHoleEdge = withEnclave.locate(41.80, -87.61 + 10 / M_PER_DEG_LON);
        assertThat(nearHoleEdge.units()).containsExactly(enclave);
        assertThat(nearHoleEdge.alternatives()).containsExactly(new NearbyUnit(ring, 10.0));
    }

    @Test
    void gridAgreesWithTheExactPathEverywhere() {
        Random random = new Random(7);
        Envelope around = new Envelope(-87.63, -87.57, 41.78, 41.82);
        int answeredByGrid = 0;
        for (int i = 0; i < 200_000; i++) {
            double lat = around.getMinY() + random.nextDouble() * around.getHeight();
            double lon = around.getMinX() + random.nextDouble() * around.getWidth();
            answeredByGrid += INDEX.answeredByGrid(lat, lon) ? 1 : 0;
            assertThat(INDEX.locate(lat, lon)).isEqualTo(INDEX.locateExact(lat, lon));
        }
        assertThat(answeredByGrid).isGreaterThan(50_000);
        assertThat(INDEX.gridCoverage().answeredShare()).isBetween(0.5, 1.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SpatialIndex.build(List.of(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toleranceMeters");
        assertThatThrownBy(() -> SpatialIndex.build(List.of(
                new UnitShape(B11, 0, FACTORY.createPoint(new Coordinate(-87.6, 41.8)))), 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Beat 11").hasMessageContaining("Point");
        assertThatThrownBy(() -> INDEX.locate(91, -87.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latitude 91");
        assertThatThrownBy(() -> INDEX.locate(Double.NaN, -87.6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        Placement placement = SpatialIndex.build(List.of(), TOLERANCE).locate(41.8, -87.6);

        assertThat(placement.units()).isEmpty();
        assertThat(placement.nearestOutside()).isEmpty();
    }

    static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return (Polygon) FACTORY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    private static double round(double meters) {
        return Math.round(meters * 10) / 10.0;
    }

    /** Great-circle distance, independent of the index's projection. */
    private static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
