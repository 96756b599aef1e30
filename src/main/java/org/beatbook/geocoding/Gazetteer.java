package org.beatbook.geocoding;

import java.io.Reader;
import java.util.stream.Stream;

/** Feeds the local geocoder: known address points and hundred blocks. */
public interface Gazetteer {

    /** Adds hundred-block sightings (e.g. from incident files); repeated sightings refine a block's extent. */
    GazetteerImportReport addBlockSightings(Stream<BlockSighting> sightings);

    /** Adds address points from a CSV in the OpenAddresses layout (LON,LAT,NUMBER,STREET,UNIT,CITY,...). */
    GazetteerImportReport addAddressPoints(Reader openAddressesCsv);

    /** True when the gazetteer knows no address at all. */
    boolean isEmpty();
}
