package org.beatbook.lookup.web;

import java.util.List;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.UnitRef;
import org.beatbook.lookup.Neighborhood;
import org.beatbook.personnel.OfficerCard;

/** The JSON of {@code GET /api/v1/lookup}. */
record LookupResponse(Location location, boolean insideServiceArea, List<Unit> units, boolean nearBoundary,
                      List<NearUnit> alternatives, List<Officer> officers, List<Officer> nearbyOfficers,
                      NearUnit nearestUnit) {

    record Location(double lat, double lon, String matchedAddress, String precision) {
    }

    record Unit(String level, String levelName, String code, String name) {
        static Unit of(UnitRef unit) {
            return new Unit(unit.level(), unit.levelName(), unit.code(), unit.name());
        }
    }

    record NearUnit(String level, String levelName, String code, String name, double distanceMeters) {
        static NearUnit of(NearbyUnit near) {
            UnitRef unit = near.unit();
            return new NearUnit(unit.level(), unit.levelName(), unit.code(), unit.name(), near.distanceMeters());
        }
    }

    record Officer(String name, String rank, String role, String unitLevel, String unitCode, String email,
                   String phone, List<String> languages, String photoUrl, boolean demo) {
        static Officer of(OfficerCard card) {
            return new Officer(card.name(), card.rank(), card.roleName(), card.unit().level(), card.unit().code(),
                    card.email(), card.phone(), card.languages(), card.photoUrl(), card.demo());
        }
    }

    static LookupResponse of(Neighborhood n) {
        return new LookupResponse(
                new Location(n.latitude(), n.longitude(), n.matchedAddress(),
                        n.precision() == null ? "point" : n.precision().name().toLowerCase(java.util.Locale.ROOT)),
                n.insideServiceArea(),
                n.units().stream().map(Unit::of).toList(),
                n.nearBoundary(),
                n.alternatives().stream().map(NearUnit::of).toList(),
                n.officers().stream().map(Officer::of).toList(),
                n.nearbyOfficers().stream().map(Officer::of).toList(),
                n.nearestOutside().map(NearUnit::of).orElse(null));
    }
}
