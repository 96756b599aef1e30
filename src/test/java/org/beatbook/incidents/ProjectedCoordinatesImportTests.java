package org.beatbook.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beatbook.incidents.application.ProfileCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Chicago file with its latitude/longitude blanked is placed from X Coordinate/Y Coordinate (EPSG:3435) in the
 * same beats as with them. Profiles without the source's unit labels, so that the beat comes from the point alone;
 * dates moved to 2011, away from the demo's weeks that other tests count, and the copies deleted afterwards.
 */
@SpringBootTest
class ProjectedCoordinatesImportTests {

    @Autowired
    IncidentImports imports;
    @Autowired
    ProfileCatalogue profiles;
    @Autowired
    JdbcClient jdbc;

    static String profile(String name) {
        return """
                name: %s
                source: %s
                classification: chicago
                columns: {id: ID, occurred: Date, code: IUCR, offense: Primary Type, address: Block,
                          latitude: Latitude, longitude: Longitude, x: X Coordinate, y: Y Coordinate}
                projection: EPSG:3435
                dateFormat: "MM/dd/yyyy hh:mm:ss a"
                timeZone: America/Chicago
                """.formatted(name, name);
    }

    static byte[] chicagoIn2011(boolean blankLatitudeLongitude) {
        List<CSVRecord> rows = ChicagoCrimes.rows();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = rows.get(0).getParser().getHeaderNames();
            csv.printRecord(header);
            for (CSVRecord row : rows) {
                Map<String, String> values = row.toMap();
                values.put("Date", values.get("Date").replace("/2015 ", "/2011 "));
                if (blankLatitudeLongitude) {
                    values.put("Latitude", "");
                    values.put("Longitude", "");
                }
                csv.printRecord(header.stream().map(values::get).toList());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    Map<String, String> beats(String source) {
        return jdbc.sql("SELECT source_id, coalesce((SELECT substr(u, 6) FROM unnest(unit_path) u WHERE u LIKE 'beat:%'), '') "
                        + "FROM incidents_with_units WHERE source = ?").param(source)
                .query((r, n) -> Map.entry(r.getString(1), r.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Other tests count offenses and ids across sources: these copies go when done (2011 has nothing else). */
    @AfterEach
    void removeTheCopies() {
        jdbc.sql("DELETE FROM incidents WHERE source IN ('chicago-xy', 'chicago-latlon')").update();
        jdbc.sql("DELETE FROM incident_daily WHERE day BETWEEN '2011-01-01' AND '2011-12-31'").update();
    }

    @Test
    void rowsWithOnlyXyLandInTheSameBeatsAsWithLatitudeLongitude() {
        profiles.save(profile("chicago-xy"));
        profiles.save(profile("chicago-latlon"));
        ImportReport xy = imports.importFile("chicago-xy", "xy.csv", new ByteArrayInputStream(chicagoIn2011(true)), false);
        ImportReport latLon = imports.importFile("chicago-latlon", "latlon.csv",
                new ByteArrayInputStream(chicagoIn2011(false)), false);
        assertThat(xy.accepted()).isTrue();
        assertThat(xy.rejected()).isZero();
        assertThat(latLon.inserted()).isEqualTo(xy.inserted());
        Map<String, String> fromXy = beats("chicago-xy");
        Map<String, String> fromLatLon = beats("chicago-latlon");
        List<CSVRecord> rows = ChicagoCrimes.rows().stream().filter(r -> !r.get("X Coordinate").isBlank()).toList();
        long withXy = rows.size();
        long same = rows.stream().filter(r -> !fromXy.get(r.get("ID")).isEmpty()
                && fromXy.get(r.get("ID")).equals(fromLatLon.get(r.get("ID")))).count();
        long agreeWithBeatColumn = rows.stream().filter(r -> r.get("Beat").equals(fromXy.get(r.get("ID")))).count();
        long latLonAgree = rows.stream().filter(r -> r.get("Beat").equals(fromLatLon.get(r.get("ID")))).count();
        System.out.printf("Rows with X/Y: %d; same beat as from latitude/longitude: %d; beat column agrees: %d (X/Y), %d (lat/lon)%n",
                withXy, same, agreeWithBeatColumn, latLonAgree);
        assertThat(same).isGreaterThanOrEqualTo((long) Math.ceil(withXy * 0.999));
        assertThat(agreeWithBeatColumn).isEqualTo(latLonAgree).isGreaterThanOrEqualTo((long) (withXy * 0.99));
    }
}
