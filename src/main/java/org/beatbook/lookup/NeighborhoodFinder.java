package org.beatbook.lookup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.beatbook.geocoding.AddressGeocoder;
import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitKey;
import org.beatbook.geography.UnitLocator;
import org.beatbook.geography.UnitRef;
import org.beatbook.personnel.OfficerCard;
import org.beatbook.personnel.OfficerDirectory;
import org.springframework.stereotype.Service;

/** Finds the neighborhood of an address or a point: its units and the officers who serve it. */
@Service
public class NeighborhoodFinder {

    private final AddressGeocoder geocoder;
    private final UnitLocator locator;
    private final OfficerDirectory officers;

    NeighborhoodFinder(AddressGeocoder geocoder, UnitLocator locator, OfficerDirectory officers) {
        this.geocoder = geocoder;
        this.locator = locator;
        this.officers = officers;
    }

    /** @throws AddressNotFoundException when the address matches nothing known */
    public Neighborhood findByAddress(String address) {
        GeocodeAnswer answer = geocoder.geocode(address);
        GeocodedAddress match = answer.match()
                .orElseThrow(() -> new AddressNotFoundException(address, answer.suggestions()));
        return find(match.latitude(), match.longitude(), match);
    }

    public Neighborhood findByPoint(double latitude, double longitude) {
        return find(latitude, longitude, null);
    }

    private Neighborhood find(double latitude, double longitude, GeocodedAddress address) {
        Placement placement = locator.locate(latitude, longitude);
        List<UnitKey> bottomUp = new ArrayList<>(placement.units().stream().map(UnitRef::key).toList());
        Collections.reverse(bottomUp);
        List<OfficerCard> serving = officers.currentOfficers(bottomUp);
        List<OfficerCard> nearby = officers.currentOfficers(bottomLevelAlternatives(placement));
        return new Neighborhood(latitude, longitude,
                address == null ? null : address.matchedAddress(),
                address == null ? null : address.precision(),
                placement.units(), placement.nearBoundary(), placement.alternatives(),
                serving, nearby, placement.nearestOutside());
    }

    /** Across a beat boundary the other beat's officers matter; across a district line, only its beat does. */
    private static Set<UnitKey> bottomLevelAlternatives(Placement placement) {
        Set<UnitKey> keys = new LinkedHashSet<>();
        if (placement.units().isEmpty()) {
            return keys;
        }
        String bottomLevel = placement.units().get(placement.units().size() - 1).level();
        for (NearbyUnit alternative : placement.alternatives()) {
            UnitRef unit = alternative.unit();
            if (unit.level().equals(bottomLevel)) {
                keys.add(unit.key());
            }
        }
        return keys;
    }
}
