package org.beatbook.geocoding.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a hundred block runs, fitted from its sightings: the centroid, the principal axis of the points and the
 * segment between their extreme projections on it. Keeps the sums of squared deviations (degrees²) so that later
 * sightings refine the fit without the earlier points. Sightings are moved along the block for privacy, so their
 * spread outlines the block; a single sighting gives a zero-length segment.
 *
 * @param sightings how many sightings the fit is built from
 * @param end1 one end of the segment (not oriented by house numbers; see {@link GazetteerIndex})
 */
public record BlockFit(int sightings, GeoPoint centroid, double latLat, double lonLon, double latLon,
                       GeoPoint end1, GeoPoint end2) {

    /** Below this a segment is a point: it cannot place house numbers along it. */
    static final double MIN_LENGTH_METRES = 5;

    public static BlockFit of(List<GeoPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a block needs at least one sighting");
        }
        GeoPoint first = points.get(0);
        return new BlockFit(1, first, 0, 0, 0, first, first).plus(points.subList(1, points.size()));
    }

    /** This fit refined by more sightings (Welford's update for the moments). */
    public BlockFit plus(List<GeoPoint> points) {
        int n = sightings;
        double meanLat = centroid.latitude();
        double meanLon = centroid.longitude();
        double mLatLat = latLat;
        double mLonLon = lonLon;
        double mLatLon = latLon;
        for (GeoPoint p : points) {
            n++;
            double dLat = p.latitude() - meanLat;
            double dLon = p.longitude() - meanLon;
            meanLat += dLat / n;
            meanLon += dLon / n;
            mLatLat += dLat * (p.latitude() - meanLat);
            mLonLon += dLon * (p.longitude() - meanLon);
            mLatLon += dLat * (p.longitude() - meanLon);
        }
        // principal axis in a local metric frame: a degree of longitude shrinks with the cosine of the latitude
        double kx = Math.cos(Math.toRadians(meanLat));
        double theta = 0.5 * Math.atan2(2 * mLatLon * kx, mLonLon * kx * kx - mLatLat);
        double ux = Math.cos(theta);
        double uy = Math.sin(theta);
        List<GeoPoint> extremes = new ArrayList<>(points);
        extremes.add(end1);
        extremes.add(end2);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (GeoPoint p : extremes) {
            double t = (p.longitude() - meanLon) * kx * ux + (p.latitude() - meanLat) * uy;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return new BlockFit(n, new GeoPoint(meanLat, meanLon), mLatLat, mLonLon, mLatLon,
                new GeoPoint(meanLat + min * uy, meanLon + min * ux / kx),
                new GeoPoint(meanLat + max * uy, meanLon + max * ux / kx));
    }

    public double lengthMetres() {
        return end1.metresTo(end2);
    }

    public boolean isSegment() {
        return lengthMetres() >= MIN_LENGTH_METRES;
    }
}
