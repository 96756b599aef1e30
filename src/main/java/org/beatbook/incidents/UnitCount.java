package org.beatbook.incidents;

import org.beatbook.geography.UnitRef;

/** How many incidents a unit had. */
public record UnitCount(UnitRef unit, long count) {
}
