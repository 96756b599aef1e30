package org.beatbook.geography.domain;

import org.locationtech.jts.geom.Geometry;

/**
 * A unit ready to be stored: all features sharing its code merged into one boundary.
 *
 * @param name the display name; the code when the file has none
 * @param parentCode the parent's code in the level above, or null when unknown
 * @param boundary Polygon or MultiPolygon in WGS84 longitude/latitude
 * @param partCount how many features of the file made it
 * @param firstFeature index of its first feature in the file, to name it in messages
 */
public record BoundaryUnit(String code, String name, String parentCode, Geometry boundary, int partCount,
                           int firstFeature) {

    public BoundaryUnit withParent(String parent) {
        return new BoundaryUnit(code, name, parent, boundary, partCount, firstFeature);
    }

    public ImportProblem.FeatureRef ref() {
        return new ImportProblem.FeatureRef(firstFeature, code);
    }
}
