package org.beatbook.geography.domain;

import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Finds a unit's parent when the file does not name it: the unit of the level above that overlaps it most.
 * Boundaries of different levels rarely coincide exactly, so "contains" would fail on slivers.
 */
public final class ParentMatcher {

    private final STRtree parents = new STRtree();

    /** @param parentBoundaries the level above: code to WGS84 boundary */
    public ParentMatcher(Map<String, Geometry> parentBoundaries) {
        parentBoundaries.forEach((code, boundary) ->
                parents.insert(boundary.getEnvelopeInternal(), Map.entry(code, boundary)));
    }

    /** The code of the parent overlapping the child most; empty when no parent overlaps it at all. */
    public Optional<String> parentOf(Geometry child) {
        String best = null;
        double bestArea = 0;
        for (Object candidate : parents.query(child.getEnvelopeInternal())) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, Geometry> parent = (Map.Entry<String, Geometry>) candidate;
            // areas in square degrees compare fine: all candidates lie at the same latitude
            double area = OverlayNGRobust.overlay(child, parent.getValue(), OverlayNG.INTERSECTION).getArea();
            if (area > bestArea) {
                best = parent.getKey();
                bestArea = area;
            }
        }
        return Optional.ofNullable(best);
    }
}
