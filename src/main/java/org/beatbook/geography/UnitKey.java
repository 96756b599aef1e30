package org.beatbook.geography;

/** Identifies a unit across modules and across boundary re-imports: its level key and its code, e.g. beat 0713. */
public record UnitKey(String level, String code) {

    @Override
    public String toString() {
        return level + ":" + code;
    }
}
