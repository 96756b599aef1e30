package org.beatbook.geography;

/**
 * One level of a department's hierarchy of units, in the department's own words: "District", "Sector", "Beat"
 * in Chicago; "Area Command", "Neighborhood" in Livermore. Depth 0 is the top level.
 *
 * @param key short lower-case identifier used in URLs, files and the API, e.g. {@code beat}
 * @param name what the department calls one unit of this level, e.g. {@code Beat}
 * @param pluralName what it calls several, e.g. {@code Beats}
 * @param depth 0 for the top level, growing downwards
 */
public record UnitLevel(String key, String name, String pluralName, int depth) {
}
