package org.beatbook.geography.domain.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.beatbook.geography.NearbyUnit;
import org.beatbook.geography.Placement;
import org.beatbook.geography.UnitRef;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Immutable point-lookup index over all units of all levels. Build a new one when boundaries change.
 * PLACEHOLDER: a plain scan, to be replaced by STRtree + indexed point-in-area + precomputed grid.
 */
public final class SpatialIndex {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final List<UnitShape> shapes;
    private final double toleranceMeters;

    private SpatialIndex(List<UnitShape> shapes, double toleranceMeters) {
        this.shapes = List.copyOf(shapes);
        this.toleranceMeters = toleranceMeters;
    }

    /** @param toleranceMeters points closer than this to another unit's boundary are "near a boundary" */
    public static SpatialIndex build(List<UnitShape> shapes, double toleranceMeters) {
        return new SpatialIndex(shapes, toleranceMeters);
    }

    public Placement locate(double latitude, double longitude) {
        Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
        List<UnitRef> inside = new ArrayList<>();
        shapes.stream().sorted(Comparator.comparingInt(UnitShape::depth))
                .filter(s -> s.boundary().covers(point)).forEach(s -> inside.add(s.unit()));
        return new Placement(inside, false, List.of(), Optional.<NearbyUnit>empty());
    }

    public double toleranceMeters() {
        return toleranceMeters;
    }
}
