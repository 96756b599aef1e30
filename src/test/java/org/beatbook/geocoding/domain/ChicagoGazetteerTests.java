package org.beatbook.geocoding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.beatbook.geocoding.GeocodeAnswer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local geocoder built from real Chicago incidents (hundred blocks with privacy-shifted points). */
class ChicagoGazetteerTests {

    private static final AddressNormalizer NORMALIZER = AddressNormalizer.standard();
    private static SightingBatch batch;
    private static GazetteerIndex index;

    @BeforeAll
    static void buildFromTheCrimesFile() throws Exception {
        try (Reader csv = new InputStreamReader(ChicagoGazetteerTests.class.getResourceAsStream(
                "/demo/chicago/crimes-2015-01.csv"), StandardCharsets.UTF_8)) {
            batch = SightingBatch.of(NORMALIZER,
                    CsvFiles.blockSightings(csv, "Block", "Latitude", "Longitude").stream());
        }
        index = GazetteerIndex.build(NORMALIZER, batch.refine(key -> null), List.of());
    }

    @Test
    void readsTheFileAndReportsRowsWithoutCoordinates() {
        assertThat(batch.read()).isEqualTo(9999);
        // the data set's README: 162 rows have no coordinates
        assertThat(batch.rejected()).hasSize(162).allMatch(r -> r.matches("line \\d+: no coordinates"));
        assertThat(index.blockCount()).isEqualTo(batch.pointsByBlock().size()).isGreaterThan(6000);
    }

    @Test
    void placesANumberInsideEveryBlockNearItsSightings() {
        int near = 0;
        for (Map.Entry<SightingBatch.BlockKey, List<GeoPoint>> block : batch.pointsByBlock().entrySet()) {
            GeoPoint centroid = BlockFit.of(block.getValue()).centroid();
            GeocodeAnswer answer = index.geocode((block.getKey().number() + 40) + " " + block.getKey().street());
            if (answer.match().isPresent()
                    && centroid.metresTo(new GeoPoint(answer.match().get().latitude(),
                    answer.match().get().longitude())) <= 250) {
                near++;
            }
        }
        double share = 100.0 * near / batch.pointsByBlock().size();
        System.out.printf("Chicago: %d of %d blocks (%.2f %%) geocode within 250 m of their sightings%n",
                near, batch.pointsByBlock().size(), share);
        assertThat(share).isGreaterThanOrEqualTo(98);
    }

    @Test
    void resolvesOneLetterTyposToTheSameStreet() {
        Random random = new Random(20150201);
        List<SightingBatch.BlockKey> blocks = new ArrayList<>(batch.pointsByBlock().keySet());
        int tried = 0;
        int same = 0;
        long nanos = 0;
        while (tried < 200) {
            SightingBatch.BlockKey block = blocks.get(random.nextInt(blocks.size()));
            StreetName street = NORMALIZER.street(block.street());
            List<Integer> letters = new ArrayList<>();
            for (int i = 0; i < street.name().length(); i++) {
                if (Character.isLetter(street.name().charAt(i))) {
                    letters.add(i);
                }
            }
            if (letters.isEmpty()) {
                continue;
            }
            int at = letters.get(random.nextInt(letters.size()));
            char typo;
            do {
                typo = (char) ('A' + random.nextInt(26));
            } while (typo == street.name().charAt(at));
            String name = street.name().substring(0, at) + typo + street.name().substring(at + 1);
            String typed = (block.number() + 40) + " "
                    + new StreetName(street.preDirectional(), name, street.suffix(), street.postDirectional()).text();
            tried++;
            long start = System.nanoTime();
            GeocodeAnswer answer = index.geocode(typed);
            nanos += System.nanoTime() - start;
            if (answer.match().isPresent()
                    && answer.match().get().matchedAddress().endsWith(" " + block.street())) {
                same++;
            }
        }
        System.out.printf("Chicago: %d of %d one-letter typos (%.1f %%) resolve to the same street; %.0f µs a query%n",
                same, tried, 100.0 * same / tried, nanos / 1000.0 / tried);
        assertThat(same * 100 / tried).isGreaterThanOrEqualTo(90);
    }

    @Test
    void answersQuickly() {
        String[] queries = {"1340 s sawyr av", "1340 s sawyer ave", "5200 n broadwy", "3500 w 26 st", "sawy"};
        for (int warm = 0; warm < 2000; warm++) {
            index.geocode(queries[warm % queries.length]);
            index.suggest(queries[warm % queries.length], 8);
        }
        long start = System.nanoTime();
        int rounds = 5000;
        for (int i = 0; i < rounds; i++) {
            index.geocode(queries[i % queries.length]);
            index.suggest(queries[i % queries.length], 8);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / rounds;
        System.out.printf("Chicago: %.0f µs for a geocode plus a suggest over %d streets%n", micros,
                index.streetCount());
        // generous: the build machine is shared; typically far below a millisecond
        assertThat(micros).isLessThan(5000);
    }
}
