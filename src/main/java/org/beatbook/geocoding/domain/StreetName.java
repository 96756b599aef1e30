package org.beatbook.geocoding.domain;

import java.util.StringJoiner;

/**
 * A normalised street name in USPS Publication 28 terms: {@code S} (pre-directional) {@code SAWYER} (name)
 * {@code AVE} (suffix), and rarely a post-directional ({@code MAIN ST NW}). Absent parts are null; the name is
 * never null but is empty when nothing street-like was typed.
 */
public record StreetName(String preDirectional, String name, String suffix, String postDirectional) {

    public StreetName {
        name = name == null ? "" : name;
    }

    public boolean isEmpty() {
        return name.isEmpty();
    }

    /** The directional wherever it stands: "SAWYER AVE S" and "S SAWYER AVE" name the same side of town. */
    public String directional() {
        return preDirectional != null ? preDirectional : postDirectional;
    }

    /** The name without spaces, so that "LA SALLE" and "LASALLE" compare equal. */
    public String compactName() {
        return name.replace(" ", "");
    }

    public String text() {
        StringJoiner text = new StringJoiner(" ");
        for (String part : new String[] {preDirectional, name, suffix, postDirectional}) {
            if (part != null && !part.isEmpty()) {
                text.add(part);
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
