package org.beatbook.geography.domain.index;

import org.beatbook.geography.UnitRef;
import org.locationtech.jts.geom.Geometry;

/**
 * A unit with its boundary, as the spatial index takes it.
 *
 * @param unit the unit
 * @param depth its level's depth, 0 at the top
 * @param boundary Polygon or MultiPolygon in WGS84 longitude/latitude (x = longitude)
 */
public record UnitShape(UnitRef unit, int depth, Geometry boundary) {
}
