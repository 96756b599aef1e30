package org.beatbook.incidents;

/**
 * What an import did. {@code accepted} is false when the file was rejected whole ({@code message} says why); then
 * nothing was written. Rejected rows are listed in the import's reject report (line number and reason).
 */
public record ImportReport(long importId, boolean accepted, String message, long rowsRead, long inserted,
                           long updated, long unchanged, long rejected, long warnings) {
}
