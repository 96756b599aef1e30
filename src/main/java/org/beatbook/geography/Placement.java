package org.beatbook.geography;

import java.util.List;
import java.util.Optional;

/**
 * Where a point lies in the unit hierarchy.
 *
 * @param units every unit that contains the point, top level first (District, Sector, Beat); empty when outside
 * @param nearBoundary true when the point is within the boundary tolerance of a unit that does not contain it
 * @param alternatives those nearby units (any level), nearest first, so a resident on a boundary street sees both sides
 * @param nearestOutside when the point is outside every unit: the nearest unit of the bottom level and its distance
 */
public record Placement(List<UnitRef> units, boolean nearBoundary, List<NearbyUnit> alternatives,
                        Optional<NearbyUnit> nearestOutside) {

    public boolean insideServiceArea() {
        return !units.isEmpty();
    }
}
