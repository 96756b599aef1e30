package org.beatbook.personnel;

import java.util.Collection;
import java.util.List;

import org.beatbook.geography.UnitKey;

/** The public face of personnel: who serves a unit today. */
public interface OfficerDirectory {

    /**
     * The active members currently assigned to any of the given units, in the order of the units given, then by role
     * and name. Ended and future assignments and inactive members are left out.
     */
    List<OfficerCard> currentOfficers(Collection<UnitKey> units);
}
