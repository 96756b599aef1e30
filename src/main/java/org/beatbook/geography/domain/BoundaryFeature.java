package org.beatbook.geography.domain;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a boundary file.
 *
 * @param index position in the file's {@code features} array, from 0
 * @param name display name, or null
 * @param parentCode the parent unit's code when the file names it, or null
 * @param geometry Polygon or MultiPolygon, WGS84 longitude/latitude as the file has it (not yet checked)
 */
public record BoundaryFeature(int index, String code, String name, String parentCode, Geometry geometry) {

    public ImportProblem.FeatureRef ref() {
        return new ImportProblem.FeatureRef(index, code);
    }
}
