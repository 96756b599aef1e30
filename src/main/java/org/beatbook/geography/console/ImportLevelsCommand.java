package org.beatbook.geography.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beatbook.geography.LevelDefinition;
import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.stereotype.Component;

/**
 * {@code import levels district=District/Districts sector=Sector/Sectors beat=Beat/Beats}: sets the hierarchy, top
 * first, so that a fresh installation can be set up from the console before its boundaries are imported.
 */
@Component
class ImportLevelsCommand implements ConsoleCommand {

    private static final Pattern LEVEL = Pattern.compile("([^=]+)=([^/]+)(?:/(.+))?");

    private final GeographyService geography;

    ImportLevelsCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public List<String> name() {
        return List.of("import", "levels");
    }

    @Override
    public String usage() {
        return "import levels KEY=Name[/Plural] ...   (top level first, e.g. precinct=Precinct/Precincts beat=Beat/Beats)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<LevelDefinition> levels = new ArrayList<>();
        for (String argument : arguments) {
            Matcher m = LEVEL.matcher(argument);
            if (!m.matches()) {
                err.println("Usage: " + usage());
                return 2;
            }
            // an English plural by default; departments name it when it differs
            levels.add(new LevelDefinition(m.group(1), m.group(2), m.group(3) == null ? m.group(2) + "s" : m.group(3)));
        }
        if (levels.isEmpty()) {
            err.println("Usage: " + usage());
            return 2;
        }
        try {
            geography.defineLevels(levels);
        }
        catch (GeographyRejection e) {
            e.reasons().forEach(r -> err.println("error: " + r));
            return 1;
        }
        geography.levels().forEach(l -> out.println(l.depth() + "  " + l.key() + "  " + l.name() + " / " + l.pluralName()));
        return 0;
    }
}
