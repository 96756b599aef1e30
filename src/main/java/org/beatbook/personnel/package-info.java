/**
 * Personnel: members of the department, their assignments to units (with history), staffing targets and roster
 * import. Public API: {@link org.beatbook.personnel.OfficerDirectory} and {@link org.beatbook.personnel.RosterAdministration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personnel")
package org.beatbook.personnel;
