package org.beatbook.geography.domain;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Equirectangular projection around the centre of a service area: x and y in metres from the centre. A city is
 * small enough (tens of kilometres) that the scale error at its edges stays well below the tolerances we use, so
 * areas and distances are measured in metres without a projection library, and every distance is a plain planar one.
 */
public final class LocalProjection {

    /** Mean Earth radius (IUGG), in metres. */
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private final double centreLongitude;
    private final double centreLatitude;
    private final double metersPerDegreeLongitude;
    private final double metersPerDegreeLatitude;

    private LocalProjection(double centreLongitude, double centreLatitude) {
        this.centreLongitude = centreLongitude;
        this.centreLatitude = centreLatitude;
        this.metersPerDegreeLatitude = EARTH_RADIUS_METERS * Math.PI / 180;
        this.metersPerDegreeLongitude = metersPerDegreeLatitude * Math.cos(Math.toRadians(centreLatitude));
    }

    /** @param lonLat the service area's envelope in WGS84 degrees (x = longitude) */
    public static LocalProjection around(Envelope lonLat) {
        return lonLat.isNull() ? new LocalProjection(0, 0) : new LocalProjection(lonLat.centre().x, lonLat.centre().y);
    }

    public double x(double longitude) {
        return (longitude - centreLongitude) * metersPerDegreeLongitude;
    }

    public double y(double latitude) {
        return (latitude - centreLatitude) * metersPerDegreeLatitude;
    }

    public double longitude(double x) {
        return centreLongitude + x / metersPerDegreeLongitude;
    }

    public double latitude(double y) {
        return centreLatitude + y / metersPerDegreeLatitude;
    }

    public double metersPerDegreeLongitude() {
        return metersPerDegreeLongitude;
    }

    public double metersPerDegreeLatitude() {
        return metersPerDegreeLatitude;
    }

    /** A copy of the geometry with x and y in metres east and north of the centre. */
    public Geometry project(Geometry lonLat) {
        return new AffineTransformation()
                .translate(-centreLongitude, -centreLatitude)
                .scale(metersPerDegreeLongitude, metersPerDegreeLatitude)
                .transform(lonLat);
    }

    /** Longitude/latitude of a point given in metres. */
    public Coordinate toWgs84(Coordinate meters) {
        return new Coordinate(longitude(meters.x), latitude(meters.y));
    }
}
