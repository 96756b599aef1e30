package org.beatbook.geography;

/** A unit that does not contain a point but lies close to it, with the distance from the point to its boundary. */
public record NearbyUnit(UnitRef unit, double distanceMeters) {
}
