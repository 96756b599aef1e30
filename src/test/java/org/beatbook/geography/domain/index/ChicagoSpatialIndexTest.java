package org.beatbook.geography.domain.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** The real Chicago boundaries against the beat the police recorded for each crime of January 2015. */
class ChicagoSpatialIndexTest {

    private static List<UnitShape> shapes;
    private static SpatialIndex index;

    @BeforeAll
    static void build() {
        shapes = BoundaryFixtures.chicago();
        long start = System.nanoTime();
        index = SpatialIndex.build(shapes, 30);
        System.out.printf("Chicago index: %d shapes built in %d ms, grid %s, %.1f %% of cells answered%n",
                shapes.size(), (System.nanoTime() - start) / 1_000_000, index.gridCoverage(),
                100 * index.gridCoverage().answeredShare());
    }

    @Test
    void threeLevelsOfRealUnits() {
        assertThat(shapes).filteredOn(s -> s.depth() == 0).hasSize(23); // districts 1..25 less 13, 21, 23; 31 merged
        assertThat(shapes).filteredOn(s -> s.depth() == 2).hasSize(275);

        Placement cityHall = index.locate(41.88375, -87.63187); // 121 N LaSalle St
        assertThat(cityHall.units()).extracting(UnitRef::level).containsExactly("district", "sector", "beat");
        assertThat(cityHall.units()).extracting(UnitRef::code).containsExactly("1", "012", "0122");
    }

    @Test
    void findsTheRecordedBeatOfNearlyEveryCrime() throws IOException {
        int rows = 0;
        int found = 0;
        int foundOrAlternative = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = new InputStreamReader(BoundaryFixtures.open("demo/chicago/crimes-2015-01.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                if (row.get("Latitude").isBlank() || row.get("Longitude").isBlank()) {
                    continue;
                }
                rows++;
                String beat = row.get("Beat");
                double latitude = Double.parseDouble(row.get("Latitude"));
                double longitude = Double.parseDouble(row.get("Longitude"));
                Placement placement = index.locate(latitude, longitude);
                assertThat(placement).isEqualTo(index.locateExact(latitude, longitude));
                boolean inBeat = placement.units().stream().anyMatch(u -> u.level().equals("beat") && u.code().equals(beat));
                boolean alternative = placement.alternatives().stream().map(NearbyUnit::unit)
                        .anyMatch(u -> u.level().equals("beat") && u.code().equals(beat));
                found += inBeat ? 1 : 0;
                foundOrAlternative += inBeat || alternative ? 1 : 0;
            }
        }
        double foundShare = 100.0 * found / rows;
        double foundOrAlternativeShare = 100.0 * foundOrAlternative / rows;
        System.out.printf("Chicago crimes: %d rows with coordinates; recorded beat found in %d (%.2f %%),"
                + " found or an alternative in %d (%.2f %%)%n", rows, found, foundShare, foundOrAlternative, foundOrAlternativeShare);

        assertThat(rows).isGreaterThan(9_800);
        assertThat(foundShare).isGreaterThanOrEqualTo(99.8);
        assertThat(foundOrAlternativeShare).isGreaterThanOrEqualTo(99.9);
    }

    @Test
    void locateAgreesWithTheExactPathOnAMillionRandomPoints() {
        Envelope envelope = new Envelope();
        shapes.forEach(s -> envelope.expandToInclude(s.boundary().getEnvelopeInternal()));
        Random random = new Random(20150101);
        int points = 1_000_000;
        int answeredByGrid = 0;
        for (int i = 0; i < points; i++) {
            double lat = envelope.getMinY() + random.nextDouble() * envelope.getHeight();
            double lon = envelope.getMinX() + random.nextDouble() * envelope.getWidth();
            answeredByGrid += index.answeredByGrid(lat, lon) ? 1 : 0;
            Placement exact = index.locateExact(lat, lon);
            assertThat(index.locate(lat, lon)).as("at %s, %s", lat, lon).isEqualTo(exact);
        }
        System.out.printf("Chicago grid: %.1f %% of %d random points in the envelope answered by a precomputed cell;"
                + " locate() equal to locateExact() at every point%n", 100.0 * answeredByGrid / points, points);
        assertThat(answeredByGrid).isGreaterThan(points / 4);
    }

    @Test
    void locateAgreesWithTheExactPathOnBoundaryVertices() {
        int checked = 0;
        for (UnitShape beat : shapes.stream().filter(s -> s.depth() == 2).toList()) {
            Coordinate[] vertices = beat.boundary().getCoordinates();
            for (int i = 0; i < vertices.length; i += 7) {
                double lat = vertices[i].y;
                double lon = vertices[i].x;
                Placement exact = index.locateExact(lat, lon);
                assertThat(index.locate(lat, lon)).as("vertex at %s, %s", lat, lon).isEqualTo(exact);
                // On the beat's own boundary: found, or an alternative at 0 m; when rounding put it just outside the
                // city, the nearest unit (this beat or one sharing the vertex) is 0 m away.
                List<UnitRef> found = Stream.concat(exact.units().stream(),
                        exact.alternatives().stream().map(NearbyUnit::unit)).toList();
                assertThat(found.contains(beat.unit())
                        || exact.nearestOutside().map(NearbyUnit::distanceMeters).orElse(1.0) == 0.0)
                        .as("vertex of %s at %s, %s: %s", beat.unit().code(), lat, lon, exact).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }
}
