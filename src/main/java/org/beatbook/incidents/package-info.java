/**
 * Incidents: imports reported crimes and calls for service through mapping profiles, classifies and places them in
 * the unit hierarchy, and answers trends, CompStat and hot spots, plus a privacy-safe public crime map.
 * Public API: {@link org.beatbook.incidents.IncidentTrends}, {@link org.beatbook.incidents.IncidentImports} and the
 * records beside them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.beatbook.incidents;
