package org.beatbook.geocoding;

/**
 * A hundred-block address seen with a location, e.g. from an incident record:
 * {@code 013XX S SAWYER AVE} at 41.86, -87.70. Many sightings of one block outline where the block runs.
 */
public record BlockSighting(String block, double latitude, double longitude) {
}
