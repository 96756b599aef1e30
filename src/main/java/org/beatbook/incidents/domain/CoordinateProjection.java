package org.beatbook.incidents.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * Converts a source's projected X/Y (e.g. Chicago's {@code EPSG:3435}, Illinois State Plane East in US feet) to
 * WGS84 latitude and longitude. One instance per import: the transform is built once and reuses its coordinate
 * buffers, so it is cheap per row and not thread-safe.
 */
public final class CoordinateProjection {

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = FACTORY.createFromName("EPSG:4326");
    /** Reading a system's parameters scans the EPSG file; profiles are read on every page, so keep them. */
    private static final Map<String, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();

    private final String name;
    private final CoordinateTransform transform;
    private final ProjCoordinate projected = new ProjCoordinate();
    private final ProjCoordinate geographic = new ProjCoordinate();

    private CoordinateProjection(String name, CoordinateReferenceSystem system) {
        this.name = name;
        this.transform = new CoordinateTransformFactory().createTransform(system, WGS84);
    }

    /**
     * @param name an authority code such as {@code EPSG:3435}
     * @throws IllegalArgumentException when the name is not a coordinate system this library can convert from
     */
    public static CoordinateProjection of(String name) {
        return new CoordinateProjection(name, system(name));
    }

    /** Checks a name without building a transform; the exception's message says what is wrong. */
    public static void check(String name) {
        system(name);
    }

    private static CoordinateReferenceSystem system(String name) {
        String key = name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT);
        if (!key.matches("[A-Z0-9]+:\\d+")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a coordinate system code such as EPSG:3435");
        }
        try {
            return SYSTEMS.computeIfAbsent(key, FACTORY::createFromName);
        }
        catch (Proj4jException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a supported coordinate system ("
                    + e.getMessage() + ")");
        }
    }

    public String name() {
        return name;
    }

    /**
     * @return {latitude, longitude} in degrees
     * @throws IllegalArgumentException when the point cannot be converted or lies off the globe
     */
    public double[] toLatitudeLongitude(double x, double y) {
        projected.x = x;
        projected.y = y;
        try {
            transform.transform(projected, geographic);
        }
        catch (Proj4jException e) {
            throw new IllegalArgumentException("cannot be converted from " + name + ": " + e.getMessage());
        }
        double lat = geographic.y;
        double lon = geographic.x;
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lie outside the area " + name + " can convert");
        }
        return new double[] {lat, lon};
    }
}
