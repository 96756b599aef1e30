package org.beatbook.incidents.domain;

import org.beatbook.incidents.IncidentCategory;
import org.beatbook.incidents.ServicePriority;

/** One row of the code-to-category table: an offense code or text and what it means. */
public record Classification(String matchKey, IncidentCategory category, String offense, ServicePriority priority,
                             boolean sensitive) {
}
