package org.beatbook.geography.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.beatbook.geography.LevelDefinition;

/** What makes a hierarchy of levels acceptable, before the database is asked whether removed levels are empty. */
public final class LevelRules {

    /** Keys appear in URLs, files and the API. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_NAME = 100;

    private LevelRules() {
    }

    /** @return problems, each naming the level's position (from 1) and what is wrong; empty when fine */
    public static List<ImportProblem> check(List<LevelDefinition> topDown) {
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < topDown.size(); i++) {
            LevelDefinition level = topDown.get(i);
            int position = i + 1;
            if (level.key() == null || !KEY.matcher(level.key()).matches()) {
                problems.add(ImportProblem.of("geography.level.bad-key", position, String.valueOf(level.key())));
            }
            else if (!seen.add(level.key())) {
                problems.add(ImportProblem.of("geography.level.duplicate-key", position, level.key()));
            }
            if (blankOrLong(level.name())) {
                problems.add(ImportProblem.of("geography.level.bad-name", position, MAX_NAME));
            }
            if (blankOrLong(level.pluralName())) {
                problems.add(ImportProblem.of("geography.level.bad-plural", position, MAX_NAME));
            }
        }
        return problems;
    }

    private static boolean blankOrLong(String name) {
        return name == null || name.isBlank() || name.strip().length() > MAX_NAME;
    }
}
