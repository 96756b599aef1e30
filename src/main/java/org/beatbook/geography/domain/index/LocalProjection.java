package org.beatbook.geography.domain.index;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Equirectangular projection around the centre of a service area: x and y in metres from the centre. A city is
 * small enough (tens of kilometres) that the scale error at its edges stays well below the tolerances we use,
 * and it makes every distance a plain planar distance computed once per lookup.
 */
final class LocalProjection {

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
    static LocalProjection around(Envelope lonLat) {
        return lonLat.isNull() ? new LocalProjection(0, 0) : new LocalProjection(lonLat.centre().x, lonLat.centre().y);
    }

    double x(double longitude) {
        return (longitude - centreLongitude) * metersPerDegreeLongitude;
    }

    double y(double latitude) {
        return (latitude - centreLatitude) * metersPerDegreeLatitude;
    }

    double longitude(double x) {
        return centreLongitude + x / metersPerDegreeLongitude;
    }

    double latitude(double y) {
        return centreLatitude + y / metersPerDegreeLatitude;
    }

    double metersPerDegreeLongitude() {
        return metersPerDegreeLongitude;
    }

    double metersPerDegreeLatitude() {
        return metersPerDegreeLatitude;
    }

    Geometry project(Geometry lonLat) {
        return new AffineTransformation()
                .translate(-centreLongitude, -centreLatitude)
                .scale(metersPerDegreeLongitude, metersPerDegreeLatitude)
                .transform(lonLat);
    }
}
