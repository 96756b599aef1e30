package org.beatbook.geography;

import java.util.List;

/**
 * What an import did, or why it did nothing.
 *
 * @param accepted true when the level was replaced; false when nothing changed
 * @param featureCount features read from the file
 * @param unitCount units the level now holds (features sharing a code count once)
 * @param multiPartUnits codes of units made of several features, e.g. Chicago's beat 3100
 * @param errors problems that rejected the file, each naming the feature (index and code) and what is wrong
 * @param warnings problems that did not (slivers, repaired rings)
 */
public record BoundaryImportReport(boolean accepted, int featureCount, int unitCount, List<String> multiPartUnits,
                                   List<String> errors, List<String> warnings) {
}
