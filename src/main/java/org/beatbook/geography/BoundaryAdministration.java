package org.beatbook.geography;

import java.io.InputStream;
import java.util.List;

/** Changes to levels and boundaries, used by the staff pages, the API, console commands and the demo loader. */
public interface BoundaryAdministration {

    /**
     * Sets the hierarchy of levels, top first. Existing levels keep their units; a level may be removed only when it
     * has none.
     */
    void defineLevels(List<LevelDefinition> topDown);

    /** Replaces all units of the request's level from a GeoJSON FeatureCollection, all or nothing. */
    BoundaryImportReport importBoundaries(BoundaryImportRequest request, InputStream geoJson);

    /**
     * Builds a level from the level below it when the department has no file for it: each child's code, cut to its
     * first {@code codePrefixLength} characters, names its parent (Chicago sectors are the first three digits of beat
     * numbers); each parent's boundary is the union of its children's.
     */
    BoundaryImportReport deriveLevel(String level, String fromChildLevel, int codePrefixLength);
}
