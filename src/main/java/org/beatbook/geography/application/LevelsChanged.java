package org.beatbook.geography.application;

/** Published when the hierarchy of levels changed (names, order), so that cached unit labels are rebuilt. */
public record LevelsChanged(int levelCount) {
}
