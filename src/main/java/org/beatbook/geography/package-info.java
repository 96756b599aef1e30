/**
 * Geography: the department's hierarchy of unit levels, the boundaries of its units, and point lookup.
 * Public API: {@link org.beatbook.geography.UnitLocator}, {@link org.beatbook.geography.UnitCatalogue},
 * {@link org.beatbook.geography.BoundaryAdministration} and the records beside them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package org.beatbook.geography;
