package org.beatbook.geocoding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;
import org.junit.jupiter.api.Test;

/**
 * The local geocoder on a small made-up grid: S SAWYER AVE runs south with rising numbers (about 200 m a block),
 * N SAWYER AVE runs north, W LONELY ST has a single block.
 */
class GazetteerIndexTests {

    private static final double BLOCK_DEGREES = 0.0018;
    private static final AddressNormalizer NORMALIZER = AddressNormalizer.standard();

    /** Where house number n of S SAWYER AVE really is. */
    static GeoPoint south(double n) {
        return new GeoPoint(41.87 - n / 100 * BLOCK_DEGREES, -87.70);
    }

    static GeoPoint north(double n) {
        return new GeoPoint(41.88 + n / 100 * BLOCK_DEGREES, -87.70);
    }

    private final List<LabelledSighting> sightings = new ArrayList<>();
    private final List<KnownAddressPoint> points = new ArrayList<>();

    /** Sightings spread along the block from 10 % to 90 %, as privacy-shifted incident points are. */
    private void seen(String block, java.util.function.DoubleFunction<GeoPoint> place, int first) {
        for (int k : new int[] {first + 90, first + 10, first + 50}) {
            GeoPoint p = place.apply(k);
            sightings.add(new LabelledSighting("test", block, Double.toString(p.latitude()),
                    Double.toString(p.longitude())));
        }
    }

    private GazetteerIndex index() {
        SightingBatch batch = SightingBatch.of(NORMALIZER, sightings.stream());
        assertThat(batch.rejected()).isEmpty();
        return GazetteerIndex.build(NORMALIZER, batch.refine(key -> null), points);
    }

    private GazetteerIndex chicagoLike() {
        for (int block : new int[] {1200, 1300, 1400, 1600}) {
            seen(String.format("%03dXX S SAWYER AVE", block / 100), GazetteerIndexTests::south, block);
        }
        for (int block : new int[] {3000, 3100}) {
            seen(String.format("%03dXX N SAWYER AVE", block / 100), GazetteerIndexTests::north, block);
        }
        seen("001XX W LONELY ST", n -> new GeoPoint(41.90, -87.65 - n / 100 * BLOCK_DEGREES), 100);
        seen("064XX W 67TH ST", n -> new GeoPoint(41.77, -87.78 - n / 100 * BLOCK_DEGREES), 6400);
        return index();
    }

    private static GeocodedAddress match(GazetteerIndex index, String typed) {
        GeocodeAnswer answer = index.geocode(typed);
        assertThat(answer.match()).as("a match for \"%s\" (suggestions %s)", typed, answer.suggestions()).isPresent();
        return answer.match().get();
    }

    private static double metres(GeocodedAddress found, GeoPoint expected) {
        return new GeoPoint(found.latitude(), found.longitude()).metresTo(expected);
    }

    @Test
    void interpolatesAHouseNumberAlongItsBlock() {
        GeocodedAddress found = match(chicagoLike(), "1340 South Sawyer Avenue");
        assertThat(found.precision()).isEqualTo(Precision.INTERPOLATED);
        assertThat(found.matchedAddress()).isEqualTo("1340 S SAWYER AVE");
        // the sightings span 1310..1390, so 40 % along them is where 1342 is
        assertThat(metres(found, south(1342))).isLessThan(1);
    }

    @Test
    void interpolatesBetweenKnownBlocksOfTheStreet() {
        GeocodedAddress found = match(chicagoLike(), "1540 S SAWYER AVE");
        assertThat(found.precision()).isEqualTo(Precision.INTERPOLATED);
        assertThat(metres(found, south(1540))).isLessThan(15);
    }

    @Test
    void ordersTheBlockByHouseNumbersFromItsNeighbours() {
        GazetteerIndex index = chicagoLike();
        // S SAWYER AVE numbers rise southwards, N SAWYER AVE northwards
        assertThat(match(index, "1310 S SAWYER AVE").latitude())
                .isGreaterThan(match(index, "1390 S SAWYER AVE").latitude());
        assertThat(match(index, "3010 N SAWYER AVE").latitude())
                .isLessThan(match(index, "3090 N SAWYER AVE").latitude());
        assertThat(metres(match(index, "3010 N SAWYER AVE"), north(3018))).isLessThan(1);
    }

    @Test
    void aStreetWithOneKnownBlockGivesTheBlockCentreAndNothingBeyond() {
        GazetteerIndex index = chicagoLike();
        GeocodedAddress found = match(index, "140 W Lonely St");
        assertThat(found.precision()).isEqualTo(Precision.BLOCK);
        assertThat(found.matchedAddress()).isEqualTo("1XX W LONELY ST");
        assertThat(metres(found, new GeoPoint(41.90, -87.65 - 1.50 * BLOCK_DEGREES))).isLessThan(1);

        GeocodeAnswer beyond = index.geocode("900 W Lonely St");
        assertThat(beyond.match()).isEmpty();
        assertThat(beyond.suggestions()).containsExactly("100 W LONELY ST");
    }

    @Test
    void anAddressPointWinsOverInterpolation() {
        GeoPoint door = new GeoPoint(41.8461, -87.7003);
        points.add(new KnownAddressPoint("S SAWYER AVE", 1340, door));
        GazetteerIndex index = chicagoLike();
        GeocodedAddress found = match(index, "1340 s sawyer ave apt 2");
        assertThat(found.precision()).isEqualTo(Precision.ADDRESS_POINT);
        assertThat(metres(found, door)).isLessThan(0.01);
        assertThat(match(index, "1342 s sawyer ave").precision()).isEqualTo(Precision.INTERPOLATED);
    }

    @Test
    void aBlockTypedAsSuchIsItsCentreAndAStreetItsMiddle() {
        GazetteerIndex index = chicagoLike();
        GeocodedAddress block = match(index, "013XX S SAWYER AVE");
        assertThat(block.precision()).isEqualTo(Precision.BLOCK);
        assertThat(block.matchedAddress()).isEqualTo("13XX S SAWYER AVE");
        assertThat(metres(block, south(1350))).isLessThan(1);

        GeocodedAddress street = match(index, "S Sawyer Ave");
        assertThat(street.precision()).isEqualTo(Precision.STREET);
        assertThat(street.matchedAddress()).isEqualTo("S SAWYER AVE");
        assertThat(metres(street, south(1450))).isLessThan(250);
    }

    @Test
    void toleratesTypos() {
        GazetteerIndex index = chicagoLike();
        for (String typed : new String[] {"1340 s sawyr av", "1340 s saywer ave", "1340 s sawyer",
                "1340 s sawyer st", "1340 S SAWYER AVENUE, Chicago, IL 60623", "1340 S Sawyer Ave Chicago IL",
                "1340 sawyer ave", "1340 sawyre", "Avenida Sawyer Sur 1340"}) {
            GeocodedAddress found = match(index, typed);
            assertThat(found.matchedAddress()).as(typed).isEqualTo("1340 S SAWYER AVE");
            assertThat(metres(found, south(1342))).as(typed).isLessThan(1);
        }
        // without a directional the house number tells N from S SAWYER AVE
        assertThat(match(index, "3040 sawyer ave").matchedAddress()).isEqualTo("3040 N SAWYER AVE");
    }

    @Test
    void neverInventsALocation() {
        GazetteerIndex index = chicagoLike();
        // the directional is respected: N SAWYER AVE has no 1340
        GeocodeAnswer otherSide = index.geocode("1340 N Sawyer Ave");
        assertThat(otherSide.match()).isEmpty();
        assertThat(otherSide.suggestions()).contains("3000 N SAWYER AVE");
        // a different numbered street is not a typo
        assertThat(index.geocode("6440 W 68th St").match()).isEmpty();
        // W 67TH ST has one known block: the number cannot be placed along it, so the block centre it is
        assertThat(match(index, "6440 W 67 Street").matchedAddress()).isEqualTo("64XX W 67TH ST");

        GeocodeAnswer unknown = index.geocode("1340 S Swoyar Ave");
        assertThat(unknown.match()).isEmpty();
        assertThat(unknown.suggestions()).contains("1340 S SAWYER AVE");

        assertThat(index.geocode("1340 Qwxyz Blvd")).isEqualTo(new GeocodeAnswer(java.util.Optional.empty(), List.of()));
        assertThat(index.geocode("")).isEqualTo(new GeocodeAnswer(java.util.Optional.empty(), List.of()));
        // ambiguous without a number: both sides are offered
        GeocodeAnswer ambiguous = index.geocode("Sawyer Ave");
        assertThat(ambiguous.match()).isEmpty();
        assertThat(ambiguous.suggestions()).containsExactlyInAnyOrder("S SAWYER AVE", "N SAWYER AVE");
    }

    @Test
    void suggestsAddressesAsTheResidentTypes() {
        GazetteerIndex index = chicagoLike();
        assertThat(index.suggest("1340 s saw", 8)).containsExactly("1340 S SAWYER AVE");
        assertThat(index.suggest("1340 s sawi", 8)).containsExactly("1340 S SAWYER AVE");
        assertThat(index.suggest("sawy", 8)).containsExactly("S SAWYER AVE", "N SAWYER AVE");
        assertThat(index.suggest("3040 sawyer", 8)).containsExactly("1600 S SAWYER AVE", "3040 N SAWYER AVE");
        assertThat(index.suggest("013XX s saw", 8)).containsExactly("13XX S SAWYER AVE");
        assertThat(index.suggest("w lon", 8)).containsExactly("W LONELY ST");
        assertThat(index.suggest("sawy", 1)).hasSize(1);
        assertThat(index.suggest("", 8)).isEmpty();
        assertThat(index.suggest("zzzz", 8)).isEmpty();
    }

    @Test
    void anEmptyIndexFindsNothing() {
        GazetteerIndex empty = GazetteerIndex.empty(NORMALIZER);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.geocode("1340 S Sawyer Ave").match()).isEmpty();
        assertThat(empty.suggest("1340 S Saw", 5)).isEmpty();
    }

    @Test
    void rejectsUnusableSightingsByWhereTheyCameFrom() {
        SightingBatch batch = SightingBatch.of(NORMALIZER, Stream.of(
                new LabelledSighting("line 2", "013XX S SAWYER AVE", "41.86", "-87.70"),
                new LabelledSighting("line 3", "013XX S SAWYER AVE", "", ""),
                new LabelledSighting("line 4", "S SAWYER AVE", "41.86", "-87.70"),
                new LabelledSighting("line 5", "013XX S SAWYER AVE", "north", "-87.70"),
                new LabelledSighting("line 6", "013XX S SAWYER AVE", "0", "0"),
                new LabelledSighting("line 7", "013XX S SAWYER AVE", "141.86", "-87.70")));
        assertThat(batch.read()).isEqualTo(6);
        assertThat(batch.pointsByBlock()).containsOnlyKeys(new SightingBatch.BlockKey("S SAWYER AVE", 1300));
        assertThat(batch.rejected()).containsExactly(
                "line 3: no coordinates",
                "line 4: \"S SAWYER AVE\" is not a hundred-block address such as 013XX S SAWYER AVE",
                "line 5: latitude \"north\" is not a number",
                "line 6: coordinates 0, 0 mean unknown",
                "line 7: latitude 141.86 is outside -90..90");
    }

    @Test
    void laterSightingsRefineABlock() {
        BlockFit one = BlockFit.of(List.of(south(1350)));
        assertThat(one.isSegment()).isFalse();
        BlockFit more = one.plus(List.of(south(1310), south(1390)));
        assertThat(more.sightings()).isEqualTo(3);
        assertThat(more.centroid().metresTo(south(1350))).isLessThan(0.5);
        assertThat(more.lengthMetres()).isCloseTo(south(1310).metresTo(south(1390)), org.assertj.core.data.Offset.offset(0.5));
        BlockFit atOnce = BlockFit.of(List.of(south(1350), south(1310), south(1390)));
        assertThat(more.end1().metresTo(atOnce.end1()) + more.end2().metresTo(atOnce.end2())).isLessThan(0.01);
    }
}
