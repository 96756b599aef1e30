package org.beatbook.incidents;

import java.io.InputStream;

/** Imports incident files through a mapping profile (e.g. {@code chicago}); idempotent by the source's id. */
public interface IncidentImports {

    /**
     * @param feedGazetteer whether the file's hundred-block addresses should refine the geocoder's gazetteer
     */
    ImportReport importFile(String profile, String fileName, InputStream csv, boolean feedGazetteer);

    /** True when no incident has been imported yet. */
    boolean isEmpty();
}
