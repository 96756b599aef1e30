package org.beatbook.geography.domain.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Seattle's Precinct > Beat: two levels with other names, codes and shapes than Chicago's. */
class SeattleSpatialIndexTest {

    private final List<UnitShape> shapes = BoundaryFixtures.seattle();
    private final SpatialIndex index = SpatialIndex.build(shapes, 30);

    @Test
    void theInteriorPointOfEveryBeatLandsInThatBeatAndInThePrecinctAroundIt() {
        Map<String, Geometry> precincts = BoundaryFixtures.unitsByCode("data/seattle/police-precincts.geojson", "name");
        List<UnitShape> beats = shapes.stream().filter(s -> s.depth() == 1).toList();
        assertThat(beats).hasSize(51);

        for (UnitShape beat : beats) {
            Point point = beat.boundary().getInteriorPoint();
            Placement placement = index.locate(point.getY(), point.getX());
            String precinct = precincts.entrySet().stream().filter(p -> p.getValue().covers(point))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();

            assertThat(placement.units()).as("beat %s", beat.unit().code())
                    .containsExactly(BoundaryFixtures.ref("precinct", "Precinct", precinct), beat.unit());
        }
    }

    @Test
    void knownPlaces() {
        Placement spaceNeedle = index.locate(47.6205, -122.3493);
        Placement pikePlace = index.locate(47.6097, -122.3422);

        // expected codes checked independently with a plain ray-casting test on the GeoJSON
        assertThat(spaceNeedle.units()).extracting(UnitRef::code).containsExactly("W", "Q3");
        assertThat(pikePlace.units()).extracting(UnitRef::code).containsExactly("W", "M1");
        Placement issaquah = index.locate(47.45, -122.0); // well east of the city
        assertThat(issaquah.units()).isEmpty();
        assertThat(issaquah.nearestOutside()).hasValueSatisfying(n -> assertThat(n.distanceMeters()).isGreaterThan(10_000));
    }

    @Test
    void gridAgreesWithTheExactPath() {
        Envelope envelope = new Envelope();
        shapes.forEach(s -> envelope.expandToInclude(s.boundary().getEnvelopeInternal()));
        Random random = new Random(98104);
        for (int i = 0; i < 100_000; i++) {
            double lat = envelope.getMinY() + random.nextDouble() * envelope.getHeight();
            double lon = envelope.getMinX() + random.nextDouble() * envelope.getWidth();
            assertThat(index.locate(lat, lon)).isEqualTo(index.locateExact(lat, lon));
        }
        assertThat(index.gridCoverage().answeredShare()).isGreaterThan(0.2);
    }
}
