package org.beatbook.incidents.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beatbook.incidents.ImportReport;
import org.beatbook.incidents.persistence.IncidentStore;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar beatbook.jar import incidents --profile chicago [--no-gazetteer] FILE}. */
@Component
class ImportIncidentsCommand implements ConsoleCommand {

    private final IncidentImporter importer;
    private final IncidentStore store;

    ImportIncidentsCommand(IncidentImporter importer, IncidentStore store) {
        this.importer = importer;
        this.store = store;
    }

    @Override
    public List<String> name() {
        return List.of("import", "incidents");
    }

    @Override
    public String usage() {
        return "import incidents --profile NAME [--no-gazetteer] FILE.csv";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String profile = null;
        String file = null;
        boolean gazetteer = true;
        for (int k = 0; k < arguments.size(); k++) {
            String a = arguments.get(k);
            if (a.equals("--profile") && k + 1 < arguments.size()) {
                profile = arguments.get(++k);
            }
            else if (a.equals("--no-gazetteer")) {
                gazetteer = false;
            }
            else if (file == null && !a.startsWith("--")) {
                file = a;
            }
            else {
                err.println("Unexpected argument " + a + ". Usage: " + usage());
                return 2;
            }
        }
        if (profile == null || file == null) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            ImportReport report = importer.importFile(profile, path.getFileName().toString(), in, gazetteer);
            if (!report.accepted()) {
                err.println("Rejected: " + report.message());
                return 1;
            }
            out.printf("Imported %s: %d rows read, %d new, %d updated, %d unchanged, %d rejected, %d warnings%n",
                    path.getFileName(), report.rowsRead(), report.inserted(), report.updated(), report.unchanged(),
                    report.rejected(), report.warnings());
            store.rejects(report.importId()).forEach(r -> out.println("  line " + r.line() + ": " + r.reason()));
            return 0;
        }
        catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
