package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Chicago's District > Sector > Beat from the demo files, imported once per test database. */
final class ChicagoFixture {

    static final Path BEATS = Path.of("src/main/resources/demo/chicago/police-beats.geojson");
    static final Path DISTRICTS = Path.of("src/main/resources/demo/chicago/police-districts.geojson");
    static final List<LevelDefinition> LEVELS = List.of(new LevelDefinition("district", "District", "Districts"),
            new LevelDefinition("sector", "Sector", "Sectors"), new LevelDefinition("beat", "Beat", "Beats"));

    private ChicagoFixture() {
    }

    static synchronized void ensureImported(UnitCatalogue catalogue, BoundaryAdministration administration) {
        if (catalogue.level("beat").isPresent() && catalogue.units("beat").size() == 275
                && catalogue.units("sector").size() > 0) {
            return;
        }
        administration.defineLevels(LEVELS);
        assertThat(importFile(administration, DISTRICTS, "district", "DIST_NUM").accepted()).isTrue();
        assertThat(importFile(administration, BEATS, "beat", "BEAT_NUM").accepted()).isTrue();
        assertThat(administration.deriveLevel("sector", "beat", 3).accepted()).isTrue();
    }

    static BoundaryImportReport importFile(BoundaryAdministration administration, Path file, String level,
                                           String codeProperty) {
        try (InputStream in = Files.newInputStream(file)) {
            return administration.importBoundaries(new BoundaryImportRequest(level, codeProperty, null, null, false), in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
