package org.beatbook.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beatbook.platform.ConsoleCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@GeographyTest
class ConsoleCommandTests {

    @Autowired
    List<ConsoleCommand> commands;
    @Autowired
    UnitCatalogue catalogue;
    @Autowired
    BoundaryAdministration administration;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void chicago() {
        ChicagoFixture.ensureImported(catalogue, administration);
    }

    private int run(String... words) {
        List<String> line = List.of(words);
        ConsoleCommand command = commands.stream()
                .filter(c -> line.subList(0, c.name().size()).equals(c.name())).findFirst().orElseThrow();
        return command.run(line.subList(command.name().size(), line.size()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importsABoundaryFile() throws IOException {
        Path file = temp.resolve("beats.geojson");
        Files.copy(ChicagoFixture.BEATS, file);

        int exit = run("import", "boundaries", "--level", "beat", "--code-property", "BEAT_NUM", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported level beat: 275 unit(s) from 277 feature(s)",
                "3100");
        assertThat(catalogue.chain(new UnitKey("beat", "0713"))).extracting(UnitRef::code)
                .containsExactly("7", "071", "0713");
    }

    @Test
    void rejectsABrokenFileWithExitCodeOne() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"BEAT_NUM":"0111"},"geometry":null}]}
                """);

        int exit = run("import", "boundaries", "--level", "beat", "--code-property", "BEAT_NUM", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("index 0 (code 0111)", "no geometry", "not changed");
        assertThat(catalogue.units("beat")).hasSize(275);
    }

    @Test
    void wrongUsageIsExitCodeTwo() {
        assertThat(run("import", "boundaries", "--level", "beat", "beats.geojson")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: import boundaries --level");
        assertThat(run("import", "derived-level", "--level", "sector", "--from", "beat", "--prefix", "x")).isEqualTo(2);
    }

    @Test
    void derivesALevel() {
        int exit = run("import", "derived-level", "--level", "sector", "--from", "beat", "--prefix", "3");
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported level sector");
        assertThat(catalogue.chain(new UnitKey("beat", "0422"))).extracting(UnitRef::code)
                .containsExactly("4", "042", "0422");
    }

    @Test
    void unknownLevelIsReported() throws IOException {
        Path file = Files.copy(ChicagoFixture.DISTRICTS, temp.resolve("districts.geojson"));
        assertThat(run("import", "boundaries", "--level", "zone", "--code-property", "DIST_NUM", file.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is no level \"zone\"");
    }
}
