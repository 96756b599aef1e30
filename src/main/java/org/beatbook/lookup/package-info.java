/**
 * Lookup: "Find my officers". Puts an address or a point in the unit hierarchy and names the officers who serve it,
 * for the public page, the public API and other modules (e.g. the community engagement form).
 * Public API: {@link org.beatbook.lookup.NeighborhoodFinder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lookup")
package org.beatbook.lookup;
