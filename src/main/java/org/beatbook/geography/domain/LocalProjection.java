package org.beatbook.geography.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * An equirectangular projection centred on a department's area, good to a fraction of a percent over a city,
 * so that areas and distances can be measured in metres without a projection library.
 */
public final class LocalProjection {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private final double originLon;
    private final double originLat;
    private final double metersPerDegreeLon;
    private final double metersPerDegreeLat;

    public LocalProjection(double originLon, double originLat) {
        this.originLon = originLon;
        this.originLat = originLat;
        this.metersPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_METERS;
        this.metersPerDegreeLon = metersPerDegreeLat * Math.cos(Math.toRadians(originLat));
    }

    public static LocalProjection around(Envelope wgs84) {
        return new LocalProjection(wgs84.centre().x, wgs84.centre().y);
    }

    /** A copy of the geometry with x and y in metres east and north of the origin. */
    public Geometry toMeters(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getX(i) - originLon) * metersPerDegreeLon);
                seq.setOrdinate(i, 1, (seq.getY(i) - originLat) * metersPerDegreeLat);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** Longitude/latitude of a point given in metres. */
    public Coordinate toWgs84(Coordinate meters) {
        return new Coordinate(originLon + meters.x / metersPerDegreeLon, originLat + meters.y / metersPerDegreeLat);
    }

    public double metersToDegreesLatitude(double meters) {
        return meters / metersPerDegreeLat;
    }
}
