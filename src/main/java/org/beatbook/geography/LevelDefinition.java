package org.beatbook.geography;

/** A level as a department defines it; see {@link UnitLevel}. */
public record LevelDefinition(String key, String name, String pluralName) {
}
