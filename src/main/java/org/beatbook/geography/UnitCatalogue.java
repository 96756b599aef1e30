package org.beatbook.geography;

import java.util.List;
import java.util.Optional;

/** Read access to the department's levels and units for other modules. */
public interface UnitCatalogue {

    /** The levels, top first. */
    List<UnitLevel> levels();

    Optional<UnitLevel> level(String key);

    /** The units of one level, ordered by code. */
    List<UnitRef> units(String levelKey);

    Optional<UnitRef> unit(UnitKey key);

    /** The unit and its ancestors, top level first, e.g. District 7, Sector 071, Beat 0713. */
    List<UnitRef> chain(UnitKey key);

    /** The unit's direct children (one level down). */
    List<UnitRef> children(UnitKey key);
}
