package org.beatbook.geography.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The real files a department would upload: they must pass, with the parts and slivers they really have. */
class RealFilesValidationTests {

    static BoundaryValidator.Result check(String file, String codeProperty) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            BoundaryFileReader.Result read = new BoundaryFileReader(codeProperty, null, null).read(in);
            assertThat(read.errors()).isEmpty();
            return new BoundaryValidator().validate(read.features(), false);
        }
    }

    @Test
    void chicagoBeats() throws IOException {
        BoundaryValidator.Result result = check("src/main/resources/demo/chicago/police-beats.geojson", "BEAT_NUM");
        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).hasSize(275);
        assertThat(result.multiPartUnits()).containsExactly("3100");
    }

    @Test
    void chicagoDistricts() throws IOException {
        BoundaryValidator.Result result = check("src/main/resources/demo/chicago/police-districts.geojson", "DIST_NUM");
        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).hasSize(23);
        assertThat(result.multiPartUnits()).containsExactly("31");
    }

    @Test
    void seattle() throws IOException {
        assertThat(check("src/test/resources/data/seattle/police-beats.geojson", "name").units()).hasSize(51);
        assertThat(check("src/test/resources/data/seattle/police-precincts.geojson", "name").units()).hasSize(5);
    }
}
