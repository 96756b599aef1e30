package org.beatbook.geography;

/** Answers "which units serve this point?" from an in-memory spatial index, never a scan of all polygons. */
public interface UnitLocator {

    /** WGS84 coordinates in degrees. */
    Placement locate(double latitude, double longitude);

    /**
     * Rebuilds the index from the stored boundaries now, for background work that must see boundaries committed a
     * moment ago (the index is otherwise rebuilt after each boundary commit, by a listener that may not have run yet).
     * A locator that keeps nothing of its own has nothing to rebuild.
     */
    default void refresh() {
    }
}
