package org.beatbook.geocoding.console;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beatbook.geocoding.GazetteerImportReport;
import org.beatbook.geocoding.application.GeocodingService;
import org.beatbook.geocoding.domain.CsvFiles;
import org.beatbook.platform.ConsoleCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Console commands that feed the gazetteer:
 * {@code import addresses FILE} (OpenAddresses CSV) and
 * {@code import blocks --block-column Block --lat-column Latitude --lon-column Longitude FILE}.
 */
@Configuration(proxyBeanMethods = false)
class GazetteerImportCommands {

    @Bean
    ConsoleCommand importAddressesCommand(GeocodingService gazetteer) {
        return new Command(List.of("import", "addresses"), "import addresses FILE.csv   (OpenAddresses layout)",
                Map.of(), (file, options) -> {
                    try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        return gazetteer.addAddressPoints(csv);
                    }
                });
    }

    @Bean
    ConsoleCommand importBlocksCommand(GeocodingService gazetteer) {
        return new Command(List.of("import", "blocks"),
                "import blocks [--block-column Block] [--lat-column Latitude] [--lon-column Longitude] FILE.csv",
                Map.of("--block-column", "Block", "--lat-column", "Latitude", "--lon-column", "Longitude"),
                (file, options) -> {
                    try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        return gazetteer.importBlocks(CsvFiles.blockSightings(csv, options.get("--block-column"),
                                options.get("--lat-column"), options.get("--lon-column")).stream());
                    }
                });
    }

    @FunctionalInterface
    interface Import {
        GazetteerImportReport run(Path file, Map<String, String> options) throws IOException;
    }

    /** Parses {@code --option value ... FILE}, runs the import and prints its report. */
    record Command(List<String> name, String usage, Map<String, String> defaults, Import action)
            implements ConsoleCommand {

        @Override
        public int run(List<String> arguments, PrintStream out, PrintStream err) {
            Map<String, String> options = new HashMap<>(defaults);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.startsWith("--")) {
                    if (!defaults.containsKey(argument) || i + 1 >= arguments.size()) {
                        err.println("Unknown option or missing value: " + argument);
                        err.println("Usage: " + usage);
                        return 2;
                    }
                    options.put(argument, arguments.get(++i));
                }
                else {
                    files.add(argument);
                }
            }
            if (files.size() != 1) {
                err.println("Usage: " + usage);
                return 2;
            }
            Path file = Path.of(files.get(0));
            GazetteerImportReport report;
            try {
                report = action.run(file, options);
            }
            catch (NoSuchFileException e) {
                err.println("No such file: " + file);
                return 1;
            }
            catch (IOException | IllegalArgumentException e) {
                err.println("Nothing imported from " + file + ": " + e.getMessage());
                return 1;
            }
            out.printf("Read %d rows from %s; the gazetteer knows %d new %s; %d rows rejected.%n", report.read(),
                    file, report.added(), name.get(1), report.rejected().size());
            report.rejected().forEach(reject -> out.println("  " + reject));
            return report.read() > 0 && report.rejected().size() == report.read() ? 1 : 0;
        }
    }
}
