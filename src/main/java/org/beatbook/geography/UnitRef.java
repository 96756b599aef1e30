package org.beatbook.geography;

/**
 * A unit as other modules and the public see it (never its geometry or database id).
 *
 * @param level the level key, e.g. {@code beat}
 * @param levelName the level's display name, e.g. {@code Beat}
 * @param code the department's code, e.g. {@code 0713}
 * @param name the unit's name; the code when the boundary file gives no name
 */
public record UnitRef(String level, String levelName, String code, String name) {

    public UnitKey key() {
        return new UnitKey(level, code);
    }

    /** How a resident reads it: "Beat 0713", or "Beat 0713 Grand Crossing" when the name says more than the code. */
    public String label() {
        return name == null || name.isBlank() || name.equals(code) ? levelName + " " + code : levelName + " " + code + " " + name;
    }
}
