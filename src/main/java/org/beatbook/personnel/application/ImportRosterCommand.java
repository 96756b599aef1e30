package org.beatbook.personnel.application;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beatbook.personnel.RosterAdministration;
import org.beatbook.personnel.RosterImportReport;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.stereotype.Component;

/** {@code import roster FILE}: the same all-or-nothing import as the staff page and the API. */
@Component
class ImportRosterCommand implements ConsoleCommand {

    private final RosterAdministration roster;

    ImportRosterCommand(RosterAdministration roster) {
        this.roster = roster;
    }

    @Override
    public List<String> name() {
        return List.of("import", "roster");
    }

    @Override
    public String usage() {
        return "import roster FILE.csv   (members and assignments; format in docs/roster-format.md)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("Usage: java -jar beatbook.jar " + usage());
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        RosterImportReport report;
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = roster.importRoster(csv);
        }
        catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        if (!report.accepted()) {
            err.println("Nothing was imported: " + file + " has " + report.errors().size() + " error(s):");
            report.errors().forEach(e -> err.println("  " + e));
            return 1;
        }
        out.println("Imported " + file + ": " + report.members() + " member(s) created or updated, "
                + report.assignments() + " assignment(s) added or ended.");
        return 0;
    }
}
