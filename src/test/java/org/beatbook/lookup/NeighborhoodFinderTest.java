package org.beatbook.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;
import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitRef;
import org.beatbook.personnel.OfficerCard;
import org.junit.jupiter.api.Test;

class NeighborhoodFinderTest {

    static final UnitRef DISTRICT = new UnitRef("district", "District", "7", "7");
    static final UnitRef SECTOR = new UnitRef("sector", "Sector", "071", "071");
    static final UnitRef BEAT = new UnitRef("beat", "Beat", "0713", "0713");
    static final UnitRef OTHER_BEAT = new UnitRef("beat", "Beat", "0714", "0714");
    static final UnitRef OTHER_DISTRICT = new UnitRef("district", "District", "8", "8");

    final List<Collection<UnitKey>> asked = new ArrayList<>();

    final AddressGeocoder geocoder = new AddressGeocoder() {
        @Override
        public GeocodeAnswer geocode(String address) {
            return address.contains("Sawyer")
                    ? new GeocodeAnswer(Optional.of(new GeocodedAddress(41.86, -87.70, "1340 S SAWYER AVE", Precision.INTERPOLATED)), List.of())
                    : new GeocodeAnswer(Optional.empty(), List.of("1300 S SAWYER AVE"));
        }

        @Override
        public List<String> suggest(String partialAddress, int limit) {
            return List.of();
        }
    };

    final NeighborhoodFinder finder = new NeighborhoodFinder(geocoder,
            (lat, lon) -> new Placement(List.of(DISTRICT, SECTOR, BEAT), true,
                    List.of(new NearbyUnit(OTHER_BEAT, 4.2), new NearbyUnit(OTHER_DISTRICT, 4.2)), Optional.empty()),
            units -> {
                asked.add(List.copyOf(units));
                return units.stream().map(u -> new OfficerCard(1, "Officer of " + u.code(), "Officer", "beat-officer",
                        "Beat officer", u, null, null, List.of("English"), null, true)).toList();
            });

    @Test
    void anAddressIsPlacedAndItsOfficersAskedFromTheBeatUp() {
        Neighborhood n = finder.findByAddress("1340 S Sawyer Ave");

        assertThat(n.matchedAddress()).isEqualTo("1340 S SAWYER AVE");
        assertThat(n.precision()).isEqualTo(Precision.INTERPOLATED);
        assertThat(n.units()).containsExactly(DISTRICT, SECTOR, BEAT);
        assertThat(asked.get(0)).containsExactly(BEAT.key(), SECTOR.key(), DISTRICT.key());
        assertThat(n.labelOf(OTHER_BEAT.key())).isEqualTo("Beat 0714");
        assertThat(n.unitAt("district")).contains(DISTRICT);
    }

    @Test
    void nearABeatBoundaryTheOtherBeatsOfficersAreShownButNotTheOtherDistrictsCommander() {
        Neighborhood n = finder.findByPoint(41.86, -87.70);

        assertThat(n.nearBoundary()).isTrue();
        assertThat(n.nearbyOfficers()).extracting(OfficerCard::unit).containsExactly(OTHER_BEAT.key());
        assertThat(n.matchedAddress()).isNull();
    }

    @Test
    void anUnknownAddressIsNeverGuessed() {
        assertThatThrownBy(() -> finder.findByAddress("1 Nowhere Lane"))
                .isInstanceOfSatisfying(AddressNotFoundException.class,
                        e -> assertThat(e.suggestions()).containsExactly("1300 S SAWYER AVE"));
    }
}
