package org.beatbook.geography.console;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.stereotype.Component;

/** {@code import derived-level --level sector --from beat --prefix 3}: builds a level from code prefixes. */
@Component
class ImportDerivedLevelCommand implements ConsoleCommand {

    private final GeographyService geography;

    ImportDerivedLevelCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public List<String> name() {
        return List.of("import", "derived-level");
    }

    @Override
    public String usage() {
        return "import derived-level --level LEVEL --from CHILD_LEVEL --prefix N";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Optional<CommandLine> parsed = CommandLine.parse(arguments, Set.of("--level", "--from", "--prefix"), Set.of());
        Optional<Integer> prefix = parsed.flatMap(l -> l.option("--prefix")).filter(p -> p.matches("\\d{1,3}"))
                .map(Integer::valueOf);
        if (parsed.isEmpty() || parsed.get().option("--level").isEmpty() || parsed.get().option("--from").isEmpty()
                || prefix.isEmpty() || !parsed.get().operands().isEmpty()) {
            err.println("Usage: " + usage());
            return 2;
        }
        String level = parsed.get().option("--level").orElseThrow();
        try {
            return ReportPrinter.print(level, geography.deriveLevel(level, parsed.get().option("--from").orElseThrow(),
                    prefix.get(), ReportPrinter.actor()), out, err);
        }
        catch (GeographyRejection e) {
            e.reasons().forEach(r -> err.println("error: " + r));
            return 1;
        }
    }
}
