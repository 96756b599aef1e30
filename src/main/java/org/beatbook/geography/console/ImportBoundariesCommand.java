package org.beatbook.geography.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.beatbook.geography.BoundaryImportRequest;
import org.beatbook.geography.application.GeographyRejection;
import org.beatbook.geography.application.GeographyService;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.stereotype.Component;

/** {@code import boundaries --level beat --code-property BEAT_NUM beats.geojson}: replaces one level from a file. */
@Component
class ImportBoundariesCommand implements ConsoleCommand {

    private final GeographyService geography;

    ImportBoundariesCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public List<String> name() {
        return List.of("import", "boundaries");
    }

    @Override
    public String usage() {
        return "import boundaries --level LEVEL --code-property PROPERTY [--name-property PROPERTY]"
                + " [--parent-property PROPERTY] [--repair] FILE.geojson";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Optional<CommandLine> parsed = CommandLine.parse(arguments,
                Set.of("--level", "--code-property", "--name-property", "--parent-property"), Set.of("--repair"));
        if (parsed.isEmpty() || parsed.get().option("--level").isEmpty()
                || parsed.get().option("--code-property").isEmpty() || parsed.get().operands().size() != 1) {
            err.println("Usage: " + usage());
            return 2;
        }
        CommandLine line = parsed.get();
        String level = line.option("--level").orElseThrow();
        Path file = Path.of(line.operands().get(0));
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file.toAbsolutePath());
            return 1;
        }
        BoundaryImportRequest request = new BoundaryImportRequest(level, line.option("--code-property").orElseThrow(),
                line.option("--name-property").orElse(null), line.option("--parent-property").orElse(null),
                line.flag("--repair"));
        try (InputStream in = Files.newInputStream(file)) {
            return ReportPrinter.print(level, geography.importBoundaries(request, in, file.getFileName().toString(),
                    ReportPrinter.actor()), out, err);
        }
        catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        catch (GeographyRejection e) {
            e.reasons().forEach(r -> err.println("error: " + r));
            return 1;
        }
    }
}
