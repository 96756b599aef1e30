package org.beatbook.engagement.application;

import java.util.List;

import org.beatbook.engagement.domain.FieldProblem;
import org.beatbook.engagement.domain.SignUp;
import org.beatbook.geography.UnitRef;

/**
 * A sign-up after checking: tidied, with the list it belongs to (found from the address) or the problems.
 *
 * @param signUp the normalized sign-up (as typed when there are problems)
 * @param unit the list's unit, e.g. District 10; null when there are problems
 * @param matchedAddress the address as the gazetteer knows it
 * @param suggestions known addresses resembling an address that was not found
 */
public record Checked(SignUp signUp, UnitRef unit, String matchedAddress, List<FieldProblem> problems,
                      List<String> suggestions) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
