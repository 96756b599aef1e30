package org.beatbook.geography;

/**
 * Published after a level's boundaries were imported or replaced (the transaction has committed). Transactional
 * listeners of default order see {@link UnitLocator} answer with the new boundaries.
 */
public record BoundariesChanged(String level, int unitCount) {
}
