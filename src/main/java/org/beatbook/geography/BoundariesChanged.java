package org.beatbook.geography;

/** Published after a level's boundaries were imported or replaced (the transaction has committed). */
public record BoundariesChanged(String level, int unitCount) {
}
