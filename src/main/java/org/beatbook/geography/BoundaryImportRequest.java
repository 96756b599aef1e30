package org.beatbook.geography;

/**
 * How to read a GeoJSON boundary file into one level.
 *
 * @param level the level key the units belong to
 * @param codeProperty the feature property that holds the unit code (features sharing a code form one unit)
 * @param nameProperty optional property with a display name; null when the code is the name
 * @param parentProperty optional property with the parent unit's code; null to derive the parent from geometry
 * @param repairInvalid repair invalid rings instead of rejecting them (only when the user asks)
 */
public record BoundaryImportRequest(String level, String codeProperty, String nameProperty, String parentProperty,
                                    boolean repairInvalid) {
}
