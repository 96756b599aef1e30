package org.beatbook.personnel;

import java.io.Reader;

/** Bulk changes to members and assignments, used by the staff pages, the API, a console command and the demo. */
public interface RosterAdministration {

    /**
     * Imports a roster CSV (members and their assignments, one row per assignment; the format is documented in
     * docs/roster-format.md), all or nothing.
     */
    RosterImportReport importRoster(Reader csv);

    /**
     * Sets how many members a unit of the level needs in the role (e.g. two beat officers per beat); 0 removes the
     * target. The staff page lists the units below their targets.
     *
     * @throws IllegalArgumentException for an unknown role
     */
    void setStaffingTarget(String levelKey, String roleKey, int minimum);
}
