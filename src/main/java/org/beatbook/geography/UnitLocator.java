package org.beatbook.geography;

/** Answers "which units serve this point?" from an in-memory spatial index, never a scan of all polygons. */
public interface UnitLocator {

    /** WGS84 coordinates in degrees. */
    Placement locate(double latitude, double longitude);
}
