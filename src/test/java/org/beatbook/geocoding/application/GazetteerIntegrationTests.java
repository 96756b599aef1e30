package org.beatbook.geocoding.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.beatbook.geocoding.BlockSighting;
import org.beatbook.geocoding.GazetteerImportReport;
import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodingIntegrationTest;
import org.beatbook.geocoding.Precision;
import org.beatbook.geocoding.domain.AddressNormalizer;
import org.beatbook.geocoding.domain.CsvFiles;
import org.beatbook.geocoding.domain.GazetteerIndex;
import org.beatbook.geocoding.domain.KnownBlock;
import org.beatbook.geocoding.persistence.GazetteerRepository;
import org.beatbook.platform.ConsoleCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@GeocodingIntegrationTest
class GazetteerIntegrationTests {

    @Autowired
    GeocodingService gazetteer;

    @Autowired
    GazetteerRepository repository;

    @Autowired
    List<ConsoleCommand> commands;

    @Test
    void importsChicagoBlocksAndRebuildsTheSameIndexFromTheDatabase() throws Exception {
        List<BlockSighting> sightings;
        try (Reader csv = new InputStreamReader(getClass().getResourceAsStream("/demo/chicago/crimes-2015-01.csv"),
                StandardCharsets.UTF_8)) {
            sightings = CsvFiles.blockSightings(csv, "Block", "Latitude", "Longitude").stream()
                    .map(s -> new BlockSighting(s.block(), coordinate(s.latitude()), coordinate(s.longitude())))
                    .toList();
        }
        GazetteerImportReport report = gazetteer.addBlockSightings(sightings.stream());
        assertThat(report.read()).isEqualTo(9999);
        assertThat(report.added()).isEqualTo(6433);
        assertThat(report.rejected()).hasSize(162).allMatch(r -> r.matches("sighting \\d+: no coordinates"));
        assertThat(gazetteer.isEmpty()).isFalse();

        GeocodeAnswer coles = gazetteer.geocode("8140 S Coles Ave, Chicago, IL 60617");
        assertThat(coles.match()).isPresent();
        assertThat(coles.match().get().matchedAddress()).isEqualTo("8140 S COLES AVE");

        // a restart builds the index from the database alone: it must answer exactly as the one in memory
        GazetteerIndex restarted = GazetteerIndex.build(AddressNormalizer.standard(), repository.blocks(),
                repository.addressPoints());
        assertThat(restarted.blockCount()).isEqualTo(gazetteer.index().blockCount());
        for (BlockSighting sighting : sightings.subList(0, 500)) {
            String typed = sighting.block().replaceFirst("XX ", "40 ");
            assertThat(restarted.geocode(typed)).as(typed).isEqualTo(gazetteer.index().geocode(typed));
        }

        // more sightings refine a known block instead of adding one
        KnownBlock before = block("S COLES AVE", 8100);
        GazetteerImportReport again = gazetteer.addBlockSightings(Stream.of(
                new BlockSighting("081XX S COLES AVE", 41.7466, -87.5490)));
        assertThat(again).isEqualTo(new GazetteerImportReport(1, 0, List.of()));
        assertThat(block("S COLES AVE", 8100).fit().sightings()).isEqualTo(before.fit().sightings() + 1);
    }

    private static double coordinate(String text) {
        return text.isBlank() ? Double.NaN : Double.parseDouble(text);
    }

    private KnownBlock block(String street, int number) {
        return repository.blocks().stream().filter(b -> b.street().equals(street) && b.number() == number)
                .findFirst().orElseThrow();
    }

    @Test
    void importsOpenAddressesReportingBadRowsByLine() {
        String csv = """
                LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH
                -87.7003,41.8461,1340,South Sawyer Avenue,,Chicago,,IL,60623,,a1
                -87.7003,abc,1342,S Sawyer Ave,,Chicago,,IL,60623,,a2
                -87.7003,41.8460,1344,S. SAWYER AVE.,2,Chicago,,IL,60623,,a3
                -87.7003,41.8459,,S Sawyer Ave,,Chicago,,IL,60623,,a4
                -87.7003,41.8461,1340,S Sawyer Ave,3B,Chicago,,IL,60623,,a5
                0,0,1350,S Sawyer Ave,,Chicago,,IL,60623,,a6
                """;
        GazetteerImportReport report = gazetteer.addAddressPoints(new StringReader(csv));
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(
                "line 3: LAT \"abc\" is not a number",
                "line 5: NUMBER \"\" is not a house number",
                "line 7: coordinates 0, 0 mean unknown");

        GeocodeAnswer answer = gazetteer.geocode("1344 s sawyer av");
        assertThat(answer.match()).isPresent();
        assertThat(answer.match().get().precision()).isEqualTo(Precision.ADDRESS_POINT);
        assertThat(answer.match().get().latitude()).isEqualTo(41.8460);

        assertThat(gazetteer.addAddressPoints(new StringReader(csv)).added()).isZero();
        assertThatThrownBy(() -> gazetteer.addAddressPoints(new StringReader("X,Y,NUMBER,STREET\n1,2,3,A St\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks the column(s) LON, LAT");
    }

    @Test
    void aNulByteInAValueRejectsJustThatRow() {
        GazetteerImportReport points = gazetteer.addAddressPoints(new StringReader("""
                LON,LAT,NUMBER,STREET
                -87.7010,41.8470,1400,S Nul Test Ave
                -87.7010,41.8471,1402,S Nul\u0000Test Ave
                """));
        assertThat(points.read()).isEqualTo(2);
        assertThat(points.added()).isEqualTo(1);
        assertThat(points.rejected()).containsExactly(
                "line 3: STREET contains a NUL byte (0x00), which a text value cannot hold");

        // the console command's path: rows labelled by their file line
        GazetteerImportReport blocks = gazetteer.importBlocks(CsvFiles.blockSightings(new StringReader("""
                Block,Latitude,Longitude
                014XX S NUL TEST AVE,41.8470,-87.7010
                014XX S NUL\u0000TEST AVE,41.8471,-87.7010
                """), "Block", "Latitude", "Longitude").stream());
        assertThat(blocks.read()).isEqualTo(2);
        assertThat(blocks.rejected()).containsExactly(
                "line 3: the block contains a NUL byte (0x00), which a text value cannot hold");
        assertThat(block("S NUL TEST AVE", 1400).fit().sightings()).isEqualTo(1);
    }

    @Test
    void consoleCommandImportsBlocksFromAnyCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("incidents.csv");
        Files.writeString(file, """
                Where,Lat,Lng,Other
                001XX W CONSOLE TEST ST,41.95,-87.66,x
                001XX W CONSOLE TEST ST,41.95,-87.6620,y
                not a block,41.95,-87.66,z
                002XX W CONSOLE TEST ST,,,w
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command("blocks").run(List.of("--block-column", "Where", "--lat-column", "Lat",
                "--lon-column", "Lng", file.toString()), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Read 4 rows", "knows 1 new blocks", "2 rows rejected",
                "line 4: \"not a block\" is not a hundred-block address",
                "line 5: no coordinates");
        assertThat(gazetteer.geocode("150 W Console Test St").match()).isPresent();

        assertThat(command("blocks").run(List.of(file.toString()), new PrintStream(out), new PrintStream(err)))
                .as("the default columns are Chicago's, which this file lacks").isEqualTo(1);
        assertThat(err.toString()).contains("lacks the column(s) Block, Latitude, Longitude");
        assertThat(command("blocks").run(List.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(command("addresses").run(List.of(dir.resolve("missing.csv").toString()), new PrintStream(out),
                new PrintStream(err))).isEqualTo(1);
    }

    private ConsoleCommand command(String what) {
        return commands.stream().filter(c -> c.name().equals(List.of("import", what))).findFirst().orElseThrow();
    }
}
