package org.beatbook.personnel;

import java.util.List;

/**
 * What a roster import did. When {@code errors} is not empty nothing was imported.
 *
 * @param members members created or updated
 * @param assignments assignments created
 * @param errors row-level problems, each naming the line, the column and what is wrong
 */
public record RosterImportReport(int members, int assignments, List<String> errors) {

    public boolean accepted() {
        return errors.isEmpty();
    }
}
