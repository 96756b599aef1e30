package org.beatbook.lookup;

import java.util.List;
import java.util.Optional;

import org.beatbook.geocoding.Precision;
import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.UnitRef;
import org.beatbook.personnel.OfficerCard;

/**
 * Everything a resident learns about one location.
 *
 * @param latitude WGS84 degrees
 * @param longitude WGS84 degrees
 * @param matchedAddress the address as the gazetteer knows it, or null when the resident gave a point
 * @param precision how precise the location is; null when the resident gave a point
 * @param units the units that contain the location, top level first; empty outside the service area
 * @param nearBoundary true when another unit lies within the boundary tolerance: the resident should say which side
 *                     of the street they are on
 * @param alternatives those other units, nearest first
 * @param officers the officers currently assigned to {@code units}, bottom level first (the resident's own beat
 *                 officers before the district commander)
 * @param nearbyOfficers the officers of the bottom-level alternatives, shown as "the other side of the street"
 * @param nearestOutside outside the service area: the nearest unit and how far it is
 */
public record Neighborhood(double latitude, double longitude, String matchedAddress, Precision precision,
                           List<UnitRef> units, boolean nearBoundary, List<NearbyUnit> alternatives,
                           List<OfficerCard> officers, List<OfficerCard> nearbyOfficers,
                           Optional<NearbyUnit> nearestOutside) {

    public boolean insideServiceArea() {
        return !units.isEmpty();
    }

    /** The smallest unit containing the location (the beat in Chicago), if any. */
    public Optional<UnitRef> bottomUnit() {
        return units.isEmpty() ? Optional.empty() : Optional.of(units.get(units.size() - 1));
    }

    /** "Beat 0713" for a unit of the answer or of its alternatives; the key itself when neither holds it. */
    public String labelOf(org.beatbook.geography.UnitKey key) {
        return java.util.stream.Stream.concat(units.stream(), alternatives.stream().map(NearbyUnit::unit))
                .filter(u -> u.key().equals(key)).findFirst().map(UnitRef::label).orElse(key.toString());
    }

    /** The unit of one level containing the location, e.g. the district for the engagement form. */
    public Optional<UnitRef> unitAt(String level) {
        return units.stream().filter(u -> u.level().equals(level)).findFirst();
    }
}
